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

    @Test("a deferred batch leaves the index that row-by-row writes leave, and FTS5 finds its rows")
    func deferredEqualsImmediate() throws {
        // Given the same story written row by row into one database and as one deferred batch into another
        let immediate = try TestDatabase().database
        try immediate.writer.write { try Self.story($0) }
        let deferred = try TestDatabase().database
        try deferred.writer.write { db in
            try AppDatabase.deferringSearchIndex(db) {
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

    @Test("a failure inside the batch leaves nothing: no row, no deferral, nothing pending")
    func failureLeavesNothing() throws {
        struct Stop: Error {}
        let database = try TestDatabase().database
        try database.writer.write { db in
            // When the batch throws after writing, and the caller goes on in the same transaction
            #expect(throws: Stop.self) {
                try AppDatabase.deferringSearchIndex(db) {
                    var person = Person(name: "Liz Moreau", sortName: "Moreau, Liz", normalizedName: "liz moreau")
                    try person.insert(db)
                    throw Stop()
                }
            }
            #expect(try Person.fetchCount(db) == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_deferring") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_pending") == 0)
            // Then a later write is indexed at once again
            var person = Person(name: "Ada Byron", sortName: "Byron, Ada", normalizedName: "ada byron")
            try person.insert(db)
        }
        let names = try database.reader.read { try String.fetchAll($0, sql: "SELECT name FROM personSearch") }
        #expect(names == ["Ada Byron"])
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
