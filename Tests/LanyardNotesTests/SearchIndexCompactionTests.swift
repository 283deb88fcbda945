import Foundation
import GRDB
@testable import LanyardNotes
@testable import LanyardStore
import Testing
import LanyardTestSupport

@Suite("Search index compaction")
struct SearchIndexCompactionTests {
    @Test("opening a book whose index has many segments merges it into one, and finds the same people")
    func compactsAnOldIndex() throws {
        // Given a book at the schema before v5, written one change at a time (each meeting and
        // note rewrites the person's search row), so that its index holds several segments
        let folder = try TemporaryFolder.make("lanyard-notes")
        let path = folder.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(queue, upTo: "v4-meeting-person-event")
        let eventId = try queue.write { db in
            var event = Event(slug: "berconf-2025", name: "BerConf 2025", series: "berconf",
                              startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-14")!, city: "Berlin")
            try event.insert(db)
            return event.id!
        }
        for index in 0..<40 {
            let name = ["Chloé Bernard", "Paul Nadal", "Mei Ivanova", "Zoë Berg"][index % 4] + " \(index)"
            let id = try queue.write { db in
                var person = Person(name: name, sortName: name, normalizedName: TestStore.normalized(name), company: index % 3 == 0 ? "Bergwerk" : nil, title: nil)
                try person.insert(db)
                return person.id!
            }
            try queue.write { db in
                var meeting = Meeting(personId: id, eventId: eventId, at: TestStore.day(Double(index)), booth: nil)
                try meeting.insert(db)
            }
            try queue.write { db in _ = try AppDatabase.addNote(personId: id, body: "Bakes bread near Bernau (\(index))", in: db) }
        }
        // FTS5 numbers its data rows segment << 37 + page (the rows below are its own records).
        let segments = "SELECT count(DISTINCT id >> 37) FROM personSearch_data WHERE id >> 37 > 0"
        #expect(try queue.read { try Int.fetchOne($0, sql: segments) ?? 0 } > 1)
        let queries = ["chloé ber", "paul na", "ber", "mei iv berlin", "bernau", "zoe bergw"]
        // Whom the index finds for each query, every word as a prefix (the search itself needs
        // the names' index of a later migration)
        func found(_ db: Database) throws -> [[Int64]] {
            try queries.map { query in
                let pattern = SearchQuery.words(query).map { "\"\($0)\"*" }.joined(separator: " AND ")
                return try Int64.fetchAll(db, sql: "SELECT rowid FROM personSearch WHERE personSearch MATCH ? ORDER BY rowid", arguments: [pattern])
            }
        }
        let before = try queue.inDatabase(found)
        try queue.close()

        // When it is opened
        let db = try AppDatabase.open(at: path)

        // Then the index is one segment, both indexes set to merge four segments of a level at
        // a time, and finds what it found
        let (count, automerge, cardAutomerge, after) = try db.reader.read { db in
            (try Int.fetchOne(db, sql: segments), try Int.fetchOne(db, sql: "SELECT v FROM personSearch_config WHERE k = 'automerge'"),
             try Int.fetchOne(db, sql: "SELECT v FROM personCardSearch_config WHERE k = 'automerge'"), try found(db))
        }
        #expect(count == 1)
        #expect(automerge == 4)
        #expect(cardAutomerge == 4)
        #expect(after == before)
        #expect(before.allSatisfy { !$0.isEmpty })
        // and the search lists those people
        let searched = try db.reader.read { db in try queries.map { try AppDatabase.search(SearchQuery($0, limit: 100), in: db).map(\.personId).sorted() } }
        #expect(searched == before)
    }
}
