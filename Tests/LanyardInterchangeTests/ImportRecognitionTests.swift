import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
@testable import LanyardInterchange
import LanyardStore
import Testing

/// An import recognises contacts against an image of the book's keys when the batch is large;
/// it must store and report exactly what the per-contact queries would have.
@Suite("contact import: the batch image and the per-contact queries agree")
struct ImportRecognitionTests {
    /// A LinkedIn export whose rows meet each other and the book: nicknames, accents, typos,
    /// Jr./Sr., word order, the same name at another company, repeated emails and profiles.
    static let connections: String = {
        let rows = [
            "Elizabeth,Moreau,https://www.linkedin.com/in/liz-moreau,liz@acme.com,Acme,CTO,01 Jan 2024",
            "Liz,Moreau,,,ACME Inc.,CTO,02 Jan 2024",
            "Elizabeth,Moreau,,,Globex,Engineer,03 Jan 2024",
            "Elizabeht,Moreau,,,Acme,CTO,04 Jan 2024",
            "José,Müller,,jose@mueller.de,Müller GmbH,,05 Jan 2024",
            "Jose,Mueller,,,Mueller,,06 Jan 2024",
            "Robert,Smith Jr.,,,Initech,,07 Jan 2024",
            "Robert,Smith Sr.,,,Initech,,08 Jan 2024",
            "Bob,Smith,,bob@initech.io,Initech,,09 Jan 2024",
            "Moreau,Elizabeth,,,Acme,,10 Jan 2024",
            "Grace,Hopper,https://linkedin.com/in/ghopper/,,US Navy,,11 Jan 2024",
            "Grace,Hopper,https://www.linkedin.com/in/grace-h,,US Navy,,12 Jan 2024",
            "Ada,Lovelace,,ada@example.org,,,13 Jan 2024",
            "Ada,Lovelace,,ADA+work@example.org,Analytical Engines,,14 Jan 2024",
            "Jon,Smith,,,Initech,,15 Jan 2024",
            "Jonathan,Smith,,,Initech,,16 Jan 2024",
            ",,https://www.linkedin.com/in/anonymous,,,,17 Jan 2024",
        ]
        return "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" + rows.joined(separator: "\r\n") + "\r\n"
    }()

    static let cards = """
        BEGIN:VCARD\r\nVERSION:3.0\r\nN:Moreau;Liz;;;\r\nFN:Liz Moreau\r\nEMAIL:liz@acme.com\r\nTEL:+1 415 555 0134\r\nCATEGORIES:investor\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nTEL:+1 415 555 0134\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hopper, Grace\r\nORG:US Navy\r\nNOTE:Wrote the first compiler\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chloé Bernard\r\nEMAIL:chloe@example.fr\r\nEND:VCARD\r
        BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chloe Bernard\r\nORG:Acme\r\nEND:VCARD\r

        """

    /// Imports the same files into two copies of a small book, one way each.
    func importBothWays() throws -> [(summaries: [ContactImportSummary], dump: [String: [[DatabaseValue]]])] {
        try [AppDatabase.ImportRecognition.image, .queries].map { mode in
            let store = try TestDatabase()
            defer { store.cleanUp() }
            let date = Date(timeIntervalSince1970: 1_760_000_000)
            try store.database.writer.write { db in
                for card in [ContactCard(fullName: "Elizabeth Moreau", organization: "Acme"),
                             ContactCard(fullName: "Robert Smith", emails: [.init("rsmith@initech.io")], organization: "Initech"),
                             ContactCard(fullName: "Grace Hopper", organization: "Navy")] {
                    _ = try AppDatabase.createPerson(from: card, at: date, in: db)
                }
            }
            var summaries: [ContactImportSummary] = []
            for (text, format) in [(Self.connections, ContactFormat.linkedIn), (Self.cards, .vCard), (Self.connections, .linkedIn)] {
                let batch = try ContactBatch.read(Data(text.utf8), format: format, source: "contacts")
                summaries.append(try store.database.importContacts(batch, format: format, skipInvalid: false, at: date, recognition: mode))
            }
            return (summaries, try store.dump())
        }
    }

    /// Given the same book, when the same files are imported with either recognition, then
    /// the summaries (counts, review lists with scores and reasons) and every table are equal.
    @Test("the same summaries and the same rows either way")
    func sameResult() throws {
        let results = try importBothWays()
        let (image, queries) = (results[0], results[1])
        #expect(image.summaries == queries.summaries)
        for table in queries.dump.keys.sorted() {
            #expect(image.dump[table] == queries.dump[table], "\(table) differs")
        }
        // The files exercise every outcome.
        let first = image.summaries[0]
        #expect(first.added > 0 && first.merged > 0 && !first.review.isEmpty)
        #expect(image.summaries[2].added == 0 && image.summaries[2].merged == 0)
    }
}
