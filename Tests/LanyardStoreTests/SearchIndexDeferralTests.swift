import Foundation
import GRDB
import Testing
@testable import LanyardStore

@Suite("person search: deferred rebuilds")
struct SearchIndexDeferralTests {
    /// Every kind of write the search triggers follow: people, notes, facts, tags, meetings
    /// (two at one event), an update, an event renamed, a tag moved, a note and a person deleted.
    static func story(_ db: Database) throws {
        var swiftConf = Event(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf",
                              startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-15")!, city: "Lisbon")
        try swiftConf.insert(db)
        var people: [Person] = []
        for (name, normalized) in [("Liz Moreau", "liz moreau"), ("José Müller", "jose mueller"), ("Ada Byron", "ada byron")] {
            var person = Person(name: name, sortName: name, normalizedName: normalized, company: "Acme")
            try person.insert(db)
            people.append(person)
        }
        let liz = people[0].id!, jose = people[1].id!, ada = people[2].id!
        var note = Note(personId: liz, body: "sourdough and server-side Swift")
        try note.insert(db)
        var other = Note(personId: jose, body: "runs the Lisbon marathon")
        try other.insert(db)
        var fact = Fact(personId: liz, key: "kids", value: "two")
        try fact.insert(db)
        try Tag(personId: liz, tag: "speaker").insert(db)
        try Tag(personId: ada, tag: "organiser").insert(db)
        for person in [liz, liz, jose] {
            var meeting = Meeting(personId: person, eventId: swiftConf.id!, at: Date(timeIntervalSince1970: 1_757_840_000))
            try meeting.insert(db)
        }
        people[0].company = "Globex"
        try people[0].update(db)
        swiftConf.name = "SwiftConf Lisbon 2025"
        try swiftConf.update(db)
        try db.execute(sql: "UPDATE tag SET personId = ? WHERE personId = ? AND tag = 'organiser'", arguments: [jose, ada])
        _ = try other.delete(db)
        _ = try people[2].delete(db)
    }

    static func index(_ db: Database) throws -> [[String]] {
        try Row.fetchAll(db, sql: "SELECT rowid, name, aliases, company, title, tags, facts, places, notes FROM personSearch ORDER BY rowid")
            .map { row in
                (0..<9).map { column in
                    let value: DatabaseValue = row[column]
                    return String.fromDatabaseValue(value) ?? value.description
                }
            }
    }

    @Test("a deferred batch leaves the index that row-by-row writes leave, and FTS5 finds its rows", arguments: [true, false])
    func deferredEqualsImmediate(savepoint: Bool) throws {
        // Given the same story written row by row into one database and as one deferred batch into another
        let immediate = try TestDatabase().database
        try immediate.writer.write { try Self.story($0) }
        let deferred = try TestDatabase().database
        try deferred.writer.write { db in
            try AppDatabase.deferringSearchIndex(db, savepoint: savepoint) {
                try Self.story(db)
                // Inside the batch nothing is indexed yet: the people are only noted
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch") == 0)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_pending") ?? 0 > 0)
            }
        }
        // Then both indexes hold the same rows, with the renamed event, the moved tag and no deleted person
        let expected = try immediate.reader.read(Self.index)
        let actual = try deferred.reader.read(Self.index)
        #expect(actual == expected)
        #expect(actual.count == 2)
        #expect(actual[0][3] == "Globex" && actual[0][7] == "SwiftConf Lisbon 2025, Lisbon" && actual[0][5] == "speaker")
        #expect(actual[1][5] == "organiser" && actual[1][8] == "")
        try deferred.writer.write { db in
            // The full-text index agrees with its content, and nothing is left pending
            try db.execute(sql: "INSERT INTO personSearch(personSearch) VALUES ('integrity-check')")
            #expect(try Int.fetchAll(db, sql: "SELECT rowid FROM personSearch WHERE personSearch MATCH 'sourdough'") == [1])
            #expect(try Int.fetchAll(db, sql: "SELECT rowid FROM personSearch WHERE personSearch MATCH 'organiser'") == [2])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_pending") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_deferring") == 0)
        }
    }

    @Test("the triggers build each row from the search-row views: both indexes hold what the views say")
    func rowsFromViews() throws {
        for deferring in [false, true] {
            let database = try TestDatabase().database
            try database.writer.write { db in
                if deferring { try AppDatabase.deferringSearchIndex(db) { try Self.story(db) } } else { try Self.story(db) }
            }
            try database.reader.read { db in
                // No trigger builds a row itself any more
                let texts = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger'")
                #expect(!texts.isEmpty && !texts.contains { $0.contains("SELECT p.id, p.name") })
                #expect(texts.filter { $0.contains("FROM personSearchRow WHERE id") }.count >= 12)
                let view = try Self.index(db, "SELECT id, name, aliases, company, title, tags, facts, places, notes FROM personSearchRow ORDER BY id")
                #expect(try Self.index(db) == view && view.count == 2)
                let cards = try Self.index(db, "SELECT id, name, aliases, company, title, tags FROM personCardSearchRow ORDER BY id", columns: 6)
                #expect(try Self.index(db, "SELECT rowid, name, aliases, company, title, tags FROM personCardSearch ORDER BY rowid", columns: 6) == cards)
            }
        }
    }

    /// Rows of `sql` as text, column by column.
    static func index(_ db: Database, _ sql: String, columns: Int = 9) throws -> [[String]] {
        try Row.fetchAll(db, sql: sql).map { row in
            (0..<columns).map { column in
                let value: DatabaseValue = row[column]
                return String.fromDatabaseValue(value) ?? value.description
            }
        }
    }

    @Test("the view rewrite replaces each row-building INSERT, whatever its selector, and nothing else")
    func rewrite() {
        let sql = ["CREATE TRIGGER t AFTER INSERT ON note BEGIN", AppDatabase.rebuildPersonSearch("= NEW.personId"),
                   AppDatabase.rebuildPersonCardSearch("IN (SELECT personId FROM personSearch_pending)"), "DELETE FROM x;", "END"].joined(separator: "\n")
        let rewritten = AppDatabase.readingSearchRowViews(sql)
        #expect(rewritten == """
            CREATE TRIGGER t AFTER INSERT ON note BEGIN
            DELETE FROM personSearch WHERE rowid = NEW.personId;
            INSERT INTO personSearch(rowid, name, aliases, company, title, tags, facts, places, notes)
            SELECT * FROM personSearchRow WHERE id = NEW.personId ORDER BY id;
            DELETE FROM personCardSearch WHERE rowid IN (SELECT personId FROM personSearch_pending);
            INSERT INTO personCardSearch(rowid, name, aliases, company, title, tags)
            SELECT * FROM personCardSearchRow WHERE id IN (SELECT personId FROM personSearch_pending) ORDER BY id;
            DELETE FROM x;
            END
            """)
        #expect(AppDatabase.readingSearchRowViews("CREATE TRIGGER u AFTER DELETE ON person BEGIN DELETE FROM personSearch WHERE rowid = OLD.id; END")
            == "CREATE TRIGGER u AFTER DELETE ON person BEGIN DELETE FROM personSearch WHERE rowid = OLD.id; END")
    }

    /// A failure inside the batch, the caller going on in the same transaction. With a
    /// savepoint it leaves nothing: no row, no deferral, nothing pending. Without one (for
    /// callers that roll back, which this one does not) it ends the deferral: what was written
    /// is indexed. Either way a later write is indexed at once again.
    @Test("a failure inside the batch never leaves the indexes deferred", arguments: [true, false])
    func failureEndsDeferral(savepoint: Bool) throws {
        struct Stop: Error {}
        let database = try TestDatabase().database
        try database.writer.write { db in
            #expect(throws: Stop.self) {
                try AppDatabase.deferringSearchIndex(db, savepoint: savepoint) {
                    var person = Person(name: "Liz Moreau", sortName: "Moreau, Liz", normalizedName: "liz moreau")
                    try person.insert(db)
                    throw Stop()
                }
            }
            #expect(try Person.fetchCount(db) == (savepoint ? 0 : 1))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_deferring") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_pending") == 0)
            var person = Person(name: "Ada Byron", sortName: "Byron, Ada", normalizedName: "ada byron")
            try person.insert(db)
        }
        let expected = savepoint ? ["Ada Byron"] : ["Liz Moreau", "Ada Byron"]
        #expect(try database.reader.read { try String.fetchAll($0, sql: "SELECT name FROM personSearch ORDER BY rowid") } == expected)
        #expect(try database.reader.read { try String.fetchAll($0, sql: "SELECT name FROM personCardSearch ORDER BY rowid") } == expected)
    }

    @Test("a nested batch defers to the outer one")
    func nested() throws {
        let database = try TestDatabase().database
        let count = try database.writer.write { db in
            try AppDatabase.deferringSearchIndex(db) {
                try AppDatabase.deferringSearchIndex(db) {
                    var person = Person(name: "Liz Moreau", sortName: "Moreau, Liz", normalizedName: "liz moreau")
                    try person.insert(db)
                }
                // The inner end rebuilt nothing yet
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch") ?? -1
            }
        }
        #expect(count == 0)
        #expect(try database.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM personSearch") } == 1)
    }

    @Test("another meeting at an event the person was already met at rebuilds nothing; places stay right")
    func repeatMeetingSkipsRebuild() throws {
        let database = try TestDatabase().database
        try database.writer.write { db in
            var event = Event(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf",
                              startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-15")!)
            try event.insert(db)
            var person = Person(name: "Liz Moreau", sortName: "Moreau, Liz", normalizedName: "liz moreau")
            try person.insert(db)
            func meet() throws -> Int {
                let before = db.totalChangesCount
                var meeting = Meeting(personId: person.id!, eventId: event.id!, at: Date())
                try meeting.insert(db)
                return db.totalChangesCount - before
            }
            #expect(try meet() > 1) // the meeting and the rebuilt search row
            #expect(try meet() == 1) // the meeting alone
            #expect(try String.fetchOne(db, sql: "SELECT places FROM personSearch") == "SwiftConf 2025")
            // Deleting one of the two meetings keeps the place; deleting the last removes it
            try db.execute(sql: "DELETE FROM meeting WHERE id = (SELECT max(id) FROM meeting)")
            #expect(try String.fetchOne(db, sql: "SELECT places FROM personSearch") == "SwiftConf 2025")
            try db.execute(sql: "DELETE FROM meeting")
            #expect(try String.fetchOne(db, sql: "SELECT places FROM personSearch") == "")
        }
    }
}
