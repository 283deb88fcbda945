import Foundation
import GRDB
import LanyardInterchange
import LanyardStore

/// A person as an import test compares them: everything a contact file can bring.
struct PersonSnapshot: Equatable, CustomStringConvertible {
    var name: String
    var company: String?
    var title: String?
    var linkedinKey: String?
    var emails: [String]
    var phones: [String]
    var tags: [String]
    var notes: [String]

    var description: String { "\(name) | \(company ?? "-") | \(emails) | \(phones) | \(tags) | \(notes.count) notes" }
}

extension TestDatabase {
    /// Everyone, by name then id.
    func people() throws -> [PersonSnapshot] {
        try database.reader.read { db in
            try Person.order(Column("name"), Column("id")).fetchAll(db).map { person in
                let id = person.id!
                return PersonSnapshot(
                    name: person.name, company: person.company, title: person.title, linkedinKey: person.linkedinKey,
                    emails: try String.fetchAll(db, sql: "SELECT email FROM personEmail WHERE personId = ? ORDER BY id", arguments: [id]),
                    phones: try String.fetchAll(db, sql: "SELECT phone FROM personPhone WHERE personId = ? ORDER BY id", arguments: [id]),
                    tags: try String.fetchAll(db, sql: "SELECT tag FROM tag WHERE personId = ? ORDER BY tag", arguments: [id]),
                    notes: try String.fetchAll(db, sql: "SELECT body FROM note WHERE personId = ? ORDER BY id", arguments: [id]))
            }
        }
    }

    /// Imports `text` as a file named `name` of `format`.
    @discardableResult
    func importText(_ text: String, format: ContactFormat, name: String = "contacts.vcf", skipInvalid: Bool = false) throws -> ContactImportSummary {
        let batch = try ContactBatch.read(Data(text.utf8), format: format, source: name)
        return try database.importContacts(batch, format: format, skipInvalid: skipInvalid)
    }

    /// Imports a shipped fixture (the real exports in LanyardFormatsTests/Fixtures, licence beside them).
    @discardableResult
    func importFixture(_ name: String, format: ContactFormat, skipInvalid: Bool = false) throws -> ContactImportSummary {
        let batch = try ContactBatch.read(files: [Fixtures.path(name)], format: format)
        return try database.importContacts(batch, format: format, skipInvalid: skipInvalid)
    }

    /// How many rows the tables an import writes hold.
    func rowCounts() throws -> [String: Int] {
        try database.reader.read { db in
            var counts: [String: Int] = [:]
            for table in ["person", "personEmail", "personPhone", "personKey", "note", "tag", "meeting"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            return counts
        }
    }
}

/// The real address-book exports shipped with the formats tests.
enum Fixtures {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("LanyardFormatsTests/Fixtures").appendingPathComponent(name).path
    }
}
