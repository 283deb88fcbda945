import Foundation
import GRDB
@testable import LanyardInterchange
import LanyardStore
import Testing

/// An import skips recognition's lookups for contacts whose keys the book does not hold
/// (`RecognitionPrefilter`). Imported with and without it, the same files must give the same
/// summaries and the same book, step by step.
@Suite("Contact import with and without the recognition prefilter")
struct ContactImportPrefilterTests {
    /// Look-alikes of the fixtures' people and of each other: a nickname with the same email,
    /// a typo with the same company, the same name elsewhere, a record twice in one file.
    static let lookAlikes = """
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Johnny Doe\r\nN:Doe;Johnny;;;\r\nEMAIL:john.doe@ibm.com\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jonh Doe\r\nORG:IBM\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Doe\r\nORG:Initech\r\nEMAIL:jd@initech.example\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Simon Perreault\r\nTEL:+1 418 656 9254\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mike Angstadt\r\nORG:TheCompany\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Greta Dartmouth\r\nEMAIL:greta@dartmouth.example\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Liz Moreau\r\nORG:Acme\r\nEMAIL:liz@acme.example\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Elizabeth Moreau\r\nORG:Acme Inc.\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Liz Moreau\r\nORG:Acme\r\nEMAIL:liz@acme.example\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nobody Known\r\nEMAIL:nobody@nowhere.example\r\nEND:VCARD\r

        """

    /// The steps both books go through: every fixture, the look-alikes, then everything again.
    static func steps() throws -> [(name: String, batch: ContactBatch, format: ContactFormat)] {
        let vcards = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("")).filter { $0.hasSuffix(".vcf") }.sorted()
        var steps: [(name: String, batch: ContactBatch, format: ContactFormat)] = try vcards.map {
            ($0, try ContactBatch.read(files: [Fixtures.path($0)], format: .vCard), .vCard)
        }
        let csvFolder = Fixtures.path("csv")
        for file in try FileManager.default.contentsOfDirectory(atPath: csvFolder).sorted() {
            let format: ContactFormat? = file.lowercased().contains("linkedin") || file.lowercased().contains("connections") ? .linkedIn
                : file.lowercased().contains("google") ? .google : nil
            guard let format else { continue }
            let path = URL(fileURLWithPath: csvFolder).appendingPathComponent(file).path
            guard let batch = try? ContactBatch.read(files: [path], format: format) else { continue }
            steps.append((file, batch, format))
        }
        steps.append(("look-alikes", try ContactBatch.read(Data(lookAlikes.utf8), format: .vCard, source: "look-alikes.vcf"), .vCard))
        return steps + steps.map { ("\($0.name) again", $0.batch, $0.format) }
    }

    @Test("the same summaries and the same people, step by step")
    func sameBothWays() throws {
        let with = try TestDatabase()
        let without = try TestDatabase()
        defer { with.cleanUp(); without.cleanUp() }
        let date = Date(timeIntervalSince1970: 1_767_225_600)
        let steps = try Self.steps()
        #expect(steps.count > 30, "\(steps.count) steps")
        var merged = 0
        for step in steps {
            let a = try with.database.importContacts(step.batch, format: step.format, skipInvalid: true, at: date, prefiltering: true) { _, _ in }
            let b = try without.database.importContacts(step.batch, format: step.format, skipInvalid: true, at: date, prefiltering: false) { _, _ in }
            #expect(a == b, "\(step.name)")
            #expect(try with.people() == without.people(), "\(step.name)")
            merged += a.merged
        }
        let keys = "SELECT kind, key, personId FROM personKey ORDER BY 1, 2, 3"
        #expect(try with.database.reader.read { try Row.fetchAll($0, sql: keys) } == without.database.reader.read { try Row.fetchAll($0, sql: keys) })
        // The steps did merge and did list weak matches, so both paths were exercised
        #expect(merged > 3, "\(merged) merged")
    }
}
