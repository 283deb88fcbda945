import Foundation
import GRDB
@testable import LanyardEvents
import LanyardFormats
import LanyardStore
import Testing

/// Recognition looks names up one key at a time; it must find exactly whom the single
/// `IN (json_each) LIMIT 64` query it replaced found, including when more than 64 key rows
/// match and the limit decides.
@Suite("Name lookups")
struct NameLookupTests {
    /// What `nameMatches` returned before it looked keys up one by one.
    static func former(_ name: PersonName, phonetic: Bool, limit: Int = 64, in db: Database) throws -> Set<Int64> {
        let keys = PersonKeys.lookupKeys(for: name, phonetic: phonetic)
        guard !keys.isEmpty else { return [] }
        let json = "[" + keys.map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let rows = try Row.fetchAll(db, sql: """
            SELECT person.id, person.name, person.normalizedName FROM person
            WHERE person.id IN (SELECT personId FROM personKey WHERE kind = ? AND key IN (SELECT value FROM json_each(?)) LIMIT ?)
            """, arguments: [PersonKeys.name, json, limit])
        var ids: Set<Int64> = []
        for row in rows {
            let id: Int64 = row[0]
            if NameComparison.compare(name, PersonName(normalized: row[2], display: row[1])).level >= .equivalent { ids.insert(id) }
        }
        return ids
    }

    @Test("per-key lookups find whom the single query found, past the 64-row limit too")
    func sameAsFormerQuery() throws {
        let database = try TestDatabase.make()
        // Many people under the same keys: the limit cuts in, in key order then id order.
        let names = (0..<140).map { ["Robert Smith", "Bob Smith", "Rob Smyth", "Roberta Smith", "Robert Smithe", "Smith Robert", "Robin Smith"][$0 % 7] }
            + ["Liz Moreau", "Elizabeth Moreau", "Beth Morrow", "José Müller", "Jose Mueller", "Jo Miller", "Ann Lee", "Anne Li"]
        try database.writer.write { db in
            for (i, name) in names.enumerated() {
                _ = try AppDatabase.createPerson(from: ContactCard(fullName: name, organization: "Company \(i % 5)"), in: db)
            }
        }
        let queries = ["Robert Smith", "Bob Smith", "Smith, Robert", "Bobby Smyth", "Roberta Smith", "Elizabeth Moreau", "Liz Morow",
                       "Jose Muller", "Ann Lee", "Anne Leigh", "Nobody Known", "Robin Smyth"]
        try database.reader.read { db in
            for text in queries {
                let name = try #require(PersonName(text))
                for phonetic in [false, true] {
                    for limit in [64, 5, 1] {
                        let now = try AppDatabase.nameMatches(for: name, phonetic: phonetic, skipping: [], limit: limit, in: db)
                        let before = try Self.former(name, phonetic: phonetic, limit: limit, in: db)
                        #expect(now == before, "\(text) phonetic \(phonetic) limit \(limit)")
                    }
                }
            }
            // The limit did cut in: more key rows match "Robert Smith" than the 64 looked at
            let robert = try #require(PersonName("Robert Smith"))
            let keys = PersonKeys.lookupKeys(for: robert, phonetic: false)
            let rows = try keys.reduce(0) { total, key in
                total + (try Int.fetchOne(db, sql: "SELECT count(*) FROM personKey WHERE kind = ? AND key = ?", arguments: [PersonKeys.name, key]) ?? 0)
            }
            #expect(rows > 64, "\(rows) key rows")
            #expect(try AppDatabase.nameMatches(for: robert, phonetic: false, skipping: [], limit: 64, in: db).count > 1)
        }
    }
}
