import Foundation
import GRDB
import Testing
@testable import LanyardStore

@Suite("AppDatabase")
struct AppDatabaseTests {
    @Test("migrations run from an empty file and create every table")
    func migrationsFromEmpty() throws {
        // Given a new file, when it is opened
        let db = try TestDatabase().database
        // Then every migration is applied and the tables exist
        try db.reader.read { db in
            let applied = try AppDatabase.migrator.appliedMigrations(db)
            #expect(applied == AppDatabase.migrator.migrations)
            for table in ["person", "personEmail", "personPhone", "personKey", "event", "meeting", "note", "fact", "tag", "followUp", "mergeRecord"] {
                #expect(try db.tableExists(table), "missing table \(table)")
            }
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
        }
    }

    @Test("no plain index repeats the leading columns of another index or of a table's primary key")
    func noRedundantIndexes() throws {
        // Given the schema every migration makes
        let db = try TestDatabase().database
        try db.reader.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
                AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%Search_%'
                """)
            #expect(tables.contains("tag") && tables.contains("personEmail"))
            for table in tables {
                // Every key of the table, as its columns in order: its indexes, and the primary
                // key of a WITHOUT ROWID table (whose rows are that key's B-tree)
                var keys: [(name: String, columns: [String], unique: Bool, partial: Bool)] = []
                for index in try Row.fetchAll(db, sql: "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?)", arguments: [table]) {
                    let name: String = index["name"]
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
                    keys.append((name, columns, index["unique"] || index["origin"] == "pk", index["partial"]))
                }
                // When a plain index's columns begin another whole key's (a partial index holds
                // only some rows), that key answers every lookup the index does, and each write
                // pays for both
                for index in keys where !index.unique {
                    for other in keys where other.name != index.name && !other.partial && other.columns.starts(with: index.columns) {
                        Issue.record("\(table): index \(index.name) \(index.columns) is the start of \(other.name) \(other.columns)")
                    }
                }
            }
        }
    }

    @Test("opening twice migrates once and keeps the data")
    func reopen() throws {
        let test = try TestDatabase()
        try test.database.writer.write { db in
            var event = Event(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf",
                              startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-15")!)
            try event.insert(db)
        }
        let again = try AppDatabase.open(at: test.folder.appendingPathComponent("test.sqlite").path)
        #expect(try again.reader.read { try Event.fetchCount($0) } == 1)
    }

    @Test("the schema refuses rows that break its rules")
    func constraints() throws {
        let db = try TestDatabase().database
        try db.writer.write { db in
            var event = Event(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf",
                              startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-15")!)
            try event.insert(db)
            var person = Person(name: "Liz Moreau", sortName: "moreau liz", normalizedName: "liz moreau")
            try person.insert(db)

            // A duplicate slug
            var twin = event
            twin.id = nil
            #expect(throws: DatabaseError.self) { try twin.insert(db) }
            // An end before the start, and a malformed date written behind the type's back
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO event (slug, name, series, startDate, endDate, timeZone, createdAt) VALUES ('x', 'X', 'x', '2025-09-15', '2025-09-14', 'UTC', '2025-01-01')")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO event (slug, name, series, startDate, endDate, timeZone, createdAt) VALUES ('y', 'Y', 'y', '2025-02-30', '2025-03-01', 'UTC', '2025-01-01')")
            }
            // An upper-case slug
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO event (slug, name, series, startDate, endDate, timeZone, createdAt) VALUES ('Bad Slug', 'Z', 'z', '2025-03-01', '2025-03-01', 'UTC', '2025-01-01')")
            }
            // An empty name
            var nameless = Person(name: "", sortName: "", normalizedName: "")
            #expect(throws: DatabaseError.self) { try nameless.insert(db) }
            // A meeting with a person that does not exist
            var orphan = Meeting(personId: 999, eventId: event.id!, at: Date())
            #expect(throws: DatabaseError.self) { try orphan.insert(db) }
            // A blank note
            var blank = Note(personId: person.id!, body: "   ")
            #expect(throws: DatabaseError.self) { try blank.insert(db) }
            // Two current values of the same fact
            var first = Fact(personId: person.id!, key: "family", value: "twin daughters")
            try first.insert(db)
            var second = Fact(personId: person.id!, key: "family", value: "three kids")
            #expect(throws: DatabaseError.self) { try second.insert(db) }
            // An unknown follow-up state
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO followUp (personId, eventId, state, toAddress, subject, body, template, dueAt, createdAt, updatedAt)
                    VALUES (?, ?, 'lost', 'a@b.c', 's', 'b', 'default', '2025-01-01', '2025-01-01', '2025-01-01')
                    """, arguments: [person.id, event.id])
            }
            // An event with meetings cannot be deleted from under them
            var meeting = Meeting(personId: person.id!, eventId: event.id!, at: Date())
            try meeting.insert(db)
            #expect(throws: DatabaseError.self) { try event.delete(db) }
        }
    }

    @Test("deleting a person deletes everything about them")
    func cascade() throws {
        let db = try TestDatabase().database
        try db.writer.write { db in
            var event = Event(slug: "e-2025", name: "E", series: "e", startDate: CalendarDay("2025-01-01")!, endDate: CalendarDay("2025-01-01")!)
            try event.insert(db)
            var person = Person(name: "Ana", sortName: "ana", normalizedName: "ana")
            try person.insert(db)
            var email = PersonEmail(personId: person.id!, email: "ana@example.com", normalized: "ana@example.com")
            try email.insert(db)
            var meeting = Meeting(personId: person.id!, eventId: event.id!, at: Date())
            try meeting.insert(db)
            var note = Note(personId: person.id!, meetingId: meeting.id, body: "runs marathons")
            try note.insert(db)
            try Tag(personId: person.id!, tag: "investor").insert(db)
            _ = try person.delete(db)
            for table in ["personEmail", "meeting", "note", "tag"] {
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") == 0, "\(table) kept rows")
            }
        }
    }

    @Test("last in touch is the latest meeting, note or sent email")
    func lastInTouch() throws {
        let db = try TestDatabase().database
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        let id = try db.writer.write { db -> Int64 in
            var event = Event(slug: "e-2025", name: "E", series: "e", startDate: CalendarDay("2025-01-01")!, endDate: CalendarDay("2025-01-01")!)
            try event.insert(db)
            var person = Person(name: "Ana", sortName: "ana", normalizedName: "ana")
            try person.insert(db)
            var meeting = Meeting(personId: person.id!, eventId: event.id!, at: base)
            try meeting.insert(db)
            var note = Note(personId: person.id!, body: "hi", createdAt: base.addingTimeInterval(60))
            try note.insert(db)
            var draft = FollowUp(personId: person.id!, eventId: event.id!, state: .draft, toAddress: "a@b.c",
                                 subject: "s", body: "b", template: "default", dueAt: base)
            try draft.insert(db)
            return person.id!
        }
        #expect(try db.lastInTouch(personId: id) == base.addingTimeInterval(60))
        try db.writer.write { db in
            try db.execute(sql: "UPDATE followUp SET state = 'sent', sentAt = ?", arguments: [base.addingTimeInterval(120)])
        }
        #expect(try db.lastInTouch(personId: id) == base.addingTimeInterval(120))
        #expect(try db.lastInTouch(personId: 4242) == nil)
    }

    @Test("a bulk write keeps its journals in memory for its length only, and rolls back whole")
    func journalsInMemory() throws {
        struct Stop: Error {}
        let db = try TestDatabase().database
        let inside = try db.writeWithJournalsInMemory { db in
            var person = Person(name: "Liz Moreau", sortName: "Moreau, Liz", normalizedName: "liz moreau")
            try person.insert(db)
            return try Int.fetchOne(db, sql: "PRAGMA temp_store")
        }
        #expect(inside == 2) // MEMORY
        #expect(try db.writer.write { try Int.fetchOne($0, sql: "PRAGMA temp_store") } == 0)
        #expect(throws: Stop.self) {
            try db.writeWithJournalsInMemory { db in
                var person = Person(name: "Ada Byron", sortName: "Byron, Ada", normalizedName: "ada byron")
                try person.insert(db)
                throw Stop()
            }
        }
        #expect(try db.writer.write { try Int.fetchOne($0, sql: "PRAGMA temp_store") } == 0)
        #expect(try db.reader.read { try String.fetchAll($0, sql: "SELECT name FROM person") } == ["Liz Moreau"])
    }
}
