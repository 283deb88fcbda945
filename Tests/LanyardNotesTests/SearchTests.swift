import Foundation
import GRDB
import LanyardEvents
@testable import LanyardNotes
import LanyardStore
import Testing
import LanyardTestSupport

@Suite("Search")
struct SearchTests {
    /// Two people and something about each in every searchable field.
    static func populated() throws -> (TestStore, anna: Person, bob: Person) {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt", company: "Acme Robotics", title: "Staff Engineer")
        let bob = try store.person("Bob Stone", company: "Globex", title: "Product Designer")
        let lisbon = try store.event("codeconf-2025", name: "CodeConf 2025", city: "Lisbon")
        try store.meeting(bob, at: lisbon, on: TestStore.day(0), booth: "B12")
        try store.db.setFact(personId: anna.id!, key: "hometown", value: "Zürich")
        try store.db.addNote(personId: bob.id!, body: "Collects vintage synthesizers; ask about the Moog.")
        try store.db.addTags(["investor"], personId: anna.id!)
        return (store, anna, bob)
    }

    @Test("every field is searched", arguments: [
        ("schmidt", "Anna Schmidt", "name"),
        ("acme", "Anna Schmidt", "company"),
        ("engineer", "Anna Schmidt", "title"),
        ("investor", "Anna Schmidt", "tags"),
        ("hometown", "Anna Schmidt", "facts"),
        ("lisbon", "Bob Stone", "met_at"),
        ("codeconf", "Bob Stone", "met_at"),
        ("synthesizers", "Bob Stone", "notes"),
    ])
    func everyField(query: String, name: String, field: String) throws {
        let (store, _, _) = try Self.populated()
        let hits = try store.db.search(SearchQuery(query))
        #expect(hits.map(\.name) == [name])
        #expect(hits.first?.matchedField == field)
    }

    @Test("accents and case do not matter, either way round")
    func accents() throws {
        let (store, _, _) = try Self.populated()
        let renee = try store.person("Renée Löwe")
        #expect(try store.db.search(SearchQuery("RENEE lowe")).map(\.personId) == [renee.id])
        #expect(try store.db.search(SearchQuery("zurich")).first?.snippet == "hometown: [Zürich]")
        #expect(try store.db.search(SearchQuery("ZÜRICH")).count == 1)
    }

    @Test("words match as prefixes, and every word must match")
    func prefixes() throws {
        let (store, anna, bob) = try Self.populated()
        #expect(try store.db.search(SearchQuery("schm")).map(\.personId) == [anna.id])
        #expect(try store.db.search(SearchQuery("synth moo")).map(\.personId) == [bob.id])
        #expect(try store.db.search(SearchQuery("anna globex")).isEmpty)
    }

    @Test("a name match ranks above a note match")
    func ranking() throws {
        // Given Rust Cohle, and Bob whose long note mentions Rust
        let store = try TestStore()
        let bob = try store.person("Bob Stone")
        try store.db.addNote(personId: bob.id!, body: "Talked about Rust for an hour, then about Rust again.")
        let rust = try store.person("Rust Cohle")

        // When searching for rust
        let hits = try store.db.search(SearchQuery("rust"))

        // Then the name match comes first, and the note match shows its snippet
        #expect(hits.map(\.personId) == [rust.id, bob.id])
        #expect(hits[1].matchedField == "notes")
        #expect(hits[1].snippet.contains("[Rust]"))
    }

    @Test("a word in very many notes stays bounded: name matches first, then the newest")
    func commonWord() throws {
        // Given Sam named Sourdough (added first), and more people whose notes say sourdough
        // than one tier ranks by bm25
        let store = try TestStore()
        let sam = try store.person("Sam Sourdough")
        var ids: [Int64] = []
        try store.db.writer.write { db in
            for index in 0..<(AppDatabase.candidatesPerTier + 10) {
                var person = Person(name: "Baker \(index)", sortName: "Baker \(index)", normalizedName: "baker \(index)")
                try person.insert(db)
                try AppDatabase.addNote(personId: person.id!, body: "Bakes sourdough on Sundays", in: db)
                ids.append(person.id!)
            }
        }

        // When searching for the word
        let hits = try store.db.search(SearchQuery("sourdough", limit: 4))

        // Then the name match comes first, ranked; then the newest note matches, unranked
        #expect(hits.map(\.personId) == [sam.id!] + ids.suffix(3).reversed())
        #expect(hits.first?.score != nil)
        #expect(hits.dropFirst().allSatisfy { $0.score == nil && $0.matchedField == "notes" })
    }

    @Test("a connection in query_only mode (no vocabulary table) still finds prefixes")
    func queryOnlyReads() throws {
        // Given a store on a DatabaseQueue, whose reads run with PRAGMA query_only
        let folder = try TemporaryFolder.make("lanyard-notes")
        let db = try AppDatabase(DatabaseQueue(path: folder.appendingPathComponent("queue.sqlite").path))
        let anna = try db.writer.write { db in
            var person = Person(name: "Anna Schmidt", sortName: "Schmidt, Anna", normalizedName: "anna schmidt")
            try person.insert(db)
            try AppDatabase.addNote(personId: person.id!, body: "Bakes sourdough", in: db)
            return person
        }

        // Then long and short prefixes, names and notes are found as on a pool
        #expect(try db.search(SearchQuery("schmid")).map(\.personId) == [anna.id])
        #expect(try db.search(SearchQuery("sourd ann")).map(\.matchedField) == ["notes"])
        #expect(try db.search(SearchQuery("sourdoughs")).isEmpty)
    }

    @Test("a one-letter word matches an initial, not every word with that letter")
    func initials() throws {
        let store = try TestStore()
        let anna = try store.person("Anna B. Schmidt")
        try store.person("Anna Becker")
        #expect(try store.db.search(SearchQuery("anna b")).map(\.personId) == [anna.id])
    }

    @Test("filters by tag and by event")
    func filters() throws {
        let (store, anna, bob) = try Self.populated()
        try store.db.addNote(personId: anna.id!, body: "Also into synthesizers")
        #expect(try store.db.search(SearchQuery("synth")).count == 2)
        #expect(try store.db.search(SearchQuery("synth", tag: "Investor")).map(\.personId) == [anna.id])
        #expect(try store.db.search(SearchQuery("synth", eventSlug: "codeconf-2025")).map(\.personId) == [bob.id])
        #expect(throws: NotesError.unknownEvent("nope")) { try store.db.search(SearchQuery("synth", eventSlug: "nope")) }
    }

    @Test("an event filter is exact when two events share their name")
    func eventsWithOneName() throws {
        // Given Anna met at Swift Days in Lisbon, Bob at Swift Days in Tokyo, both into coffee
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let bob = try store.person("Bob Stone")
        let lisbon = try store.event("swift-days-lisbon", name: "Swift Days 2025", city: "Lisbon")
        let tokyo = try store.event("swift-days-tokyo", name: "Swift Days 2025", city: "Tokyo")
        try store.meeting(anna, at: lisbon, on: TestStore.day(0))
        try store.meeting(bob, at: tokyo, on: TestStore.day(1))
        try store.db.addNote(personId: anna.id!, body: "Coffee nerd")
        try store.db.addNote(personId: bob.id!, body: "Coffee too")

        // Then each event keeps only the people met there
        #expect(try store.db.search(SearchQuery("coffee", eventSlug: "swift-days-lisbon")).map(\.personId) == [anna.id])
        #expect(try store.db.search(SearchQuery("coffee", eventSlug: "swift-days-tokyo")).map(\.personId) == [bob.id])
    }

    @Test("no user input makes an SQL error", arguments: [
        "\"", "*", "-anna", "name:anna", "anna OR", "NEAR(anna bob)", "{name}: x", "^anna", "a AND", "'); DROP TABLE person; --",
        "anna*", "\"anna", "(", "+", "NOT anna",
    ])
    func sanitized(query: String) throws {
        let (store, _, _) = try Self.populated()
        do {
            _ = try store.db.search(SearchQuery(query))
        } catch let error as NotesError {
            #expect(error == .emptyQuery(query)) // no word at all: refused by name, not by SQLite
        }
        do {
            _ = try store.db.resolvePerson(query)
        } catch is NotesError {} // unknown or ambiguous, never an SQL error
    }

    @Test("a query without a word is refused clearly")
    func emptyQuery() throws {
        let (store, _, _) = try Self.populated()
        #expect(throws: NotesError.emptyQuery("** --")) { try store.db.search(SearchQuery("** --")) }
    }

    @Test("the index follows edits, moves and deletions")
    func staysInSync() throws {
        let (store, anna, bob) = try Self.populated()

        // A renamed person is found by the new name only
        try store.db.writer.write { db in
            var renamed = anna
            renamed.name = "Anna Müller"
            renamed.normalizedName = "anna muller"
            try renamed.update(db)
        }
        #expect(try store.db.search(SearchQuery("schmidt")).isEmpty)
        #expect(try store.db.search(SearchQuery("muller")).map(\.personId) == [anna.id])

        // A superseded fact is no longer found; the new value is
        try store.db.setFact(personId: anna.id!, key: "hometown", value: "Basel")
        #expect(try store.db.search(SearchQuery("zurich")).isEmpty)
        #expect(try store.db.search(SearchQuery("basel")).map(\.personId) == [anna.id])

        // A note moved to another person (as a merge does) follows them
        let note = try store.db.notes(personId: bob.id!)[0]
        try store.db.writer.write { db in
            try db.execute(sql: "UPDATE note SET personId = ? WHERE id = ?", arguments: [anna.id, note.id])
        }
        #expect(try store.db.search(SearchQuery("moog")).map(\.personId) == [anna.id])

        // A renamed event is found under its new name
        try store.db.writer.write { db in
            try db.execute(sql: "UPDATE event SET name = 'Codefest 2025', city = 'Porto' WHERE slug = 'codeconf-2025'")
        }
        #expect(try store.db.search(SearchQuery("lisbon")).isEmpty)
        #expect(try store.db.search(SearchQuery("porto codefest")).map(\.personId) == [bob.id])

        // Untagging, deleting a note and deleting a person leave nothing behind
        try store.db.removeTags(["investor"], personId: anna.id!)
        #expect(try store.db.search(SearchQuery("investor")).isEmpty)
        try store.db.deleteNote(id: note.id!)
        #expect(try store.db.search(SearchQuery("moog")).isEmpty)
        _ = try store.db.writer.write { db in try Person.deleteOne(db, id: bob.id!) }
        #expect(try store.db.search(SearchQuery("bob")).isEmpty)
        let indexed = try store.db.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch") }
        #expect(indexed == 1)
        #expect(try Self.namesIndexed(store) == Self.names(store))
    }

    @Test("the card index holds every person's name, alias, company, title and tags, through merge, unmerge, renames and tags")
    func nameIndexFollowsPeople() throws {
        let (store, anna, bob) = try Self.populated()
        #expect(try Self.namesIndexed(store) == Self.names(store))
        // A merge deletes one person; an unmerge brings them back under their old id
        _ = try store.db.merge(keep: anna.id!, other: bob.id!)
        #expect(try Self.namesIndexed(store) == Self.names(store))
        #expect(try store.db.search(SearchQuery("bob")).isEmpty)
        try store.db.unmerge(mergedPersonId: bob.id!)
        #expect(try Self.namesIndexed(store) == Self.names(store))
        #expect(try store.db.search(SearchQuery("bob sto")).map(\.personId) == [bob.id])
        // An update that leaves the card as it was (every column written again) leaves the row alone
        let before = try store.db.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM personCardSearch_data") }
        try store.db.writer.write { db in
            try db.execute(sql: "UPDATE person SET name = name, normalizedName = normalizedName, company = company, title = title WHERE id = ?", arguments: [anna.id])
        }
        #expect(try store.db.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM personCardSearch_data") } == before)
        // A new company, a tag added and one removed are found at once
        try store.db.writer.write { db in
            try db.execute(sql: "UPDATE person SET company = 'Initech' WHERE id = ?", arguments: [anna.id])
        }
        try store.db.addTags(["Swift Community"], personId: anna.id!)
        try store.db.removeTags(["investor"], personId: anna.id!)
        #expect(try Self.namesIndexed(store) == Self.names(store))
        #expect(try store.db.search(SearchQuery("anna initech")).map(\.personId) == [anna.id])
        #expect(try store.db.search(SearchQuery("anna swift-comm")).first?.matchedField == "tags")
        #expect(try store.db.search(SearchQuery("investor")).isEmpty)
        #expect(try store.db.search(SearchQuery("anna sch")).map(\.personId) == [anna.id])
        // FTS5 checks its index against its rows (and throws when they disagree)
        try store.db.writer.write { db in try db.execute(sql: "INSERT INTO personCardSearch(personCardSearch) VALUES('integrity-check')") }
    }

    @Test("a bulk write, which defers the indexes to its end, leaves the card index as direct writes do")
    func nameIndexAfterBatch() throws {
        let (store, anna, _) = try Self.populated()
        try store.db.writer.write { db in
            try AppDatabase.deferringSearchIndex(db) {
                for i in 0..<50 {
                    var person = Person(name: "Batch Person \(i)", sortName: "Person \(i), Batch", normalizedName: "batch person \(i)")
                    try person.insert(db)
                }
                var renamed = anna
                renamed.name = "Anna Keller"
                renamed.normalizedName = "anna keller"
                try renamed.update(db)
                try Tag(personId: anna.id!, tag: "batch-tag").insert(db)
            }
        }
        #expect(try Self.namesIndexed(store) == Self.names(store))
        #expect(try store.db.search(SearchQuery("keller")).map(\.personId) == [anna.id])
        #expect(try store.db.search(SearchQuery("keller batch-tag")).first?.matchedField == "tags")
        #expect(try store.db.search(SearchQuery("schmidt")).isEmpty)
        #expect(try store.db.search(SearchQuery("batch pers 4", limit: 100)).count == 1)
        try store.db.writer.write { db in try db.execute(sql: "INSERT INTO personCardSearch(personCardSearch) VALUES('integrity-check')") }
    }

    static func names(_ store: TestStore) throws -> [[String]] {
        try store.db.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, normalizedName, coalesce(company, ''), coalesce(title, ''),
                    coalesce((SELECT group_concat(t.tag, ' ') FROM tag t WHERE t.personId = person.id), '')
                FROM person ORDER BY id
                """).map { ["\($0[0] as Int64)", $0[1], $0[2], $0[3], $0[4], $0[5]] }
        }
    }

    static func namesIndexed(_ store: TestStore) throws -> [[String]] {
        try store.db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT rowid, name, aliases, company, title, tags FROM personCardSearch ORDER BY rowid")
                .map { ["\($0[0] as Int64)", $0[1], $0[2], $0[3], $0[4], $0[5]] }
        }
    }
}
