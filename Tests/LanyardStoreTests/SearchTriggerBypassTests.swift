import Foundation
import GRDB
import Testing
@testable import LanyardStore

@Suite("person search: bulk writes without the triggers")
struct SearchTriggerBypassTests {
    /// A person the book already holds (written with the triggers on).
    static func seed(_ db: Database) throws -> (event: Event, liz: Person) {
        var event = Event(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf",
                          startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-15")!, city: "Lisbon")
        try event.insert(db)
        var liz = Person(name: "Liz Moreau", sortName: "Moreau, Liz", normalizedName: "liz moreau", company: "Acme")
        try liz.insert(db)
        return (event, liz)
    }

    /// What an import writes: new people with notes, facts, tags and meetings, and a change to
    /// a known person (company, a tag, a note). Returns everyone it wrote.
    static func bulk(_ db: Database, event: Event, liz: Person) throws -> Set<Int64> {
        var touched: Set<Int64> = []
        for (name, normalized) in [("José Müller", "jose mueller"), ("Ada Byron", "ada byron")] {
            var person = Person(name: name, sortName: name, normalizedName: normalized, company: "Globex")
            try person.insert(db)
            let id = person.id!
            touched.insert(id)
            var note = Note(personId: id, body: "runs the Lisbon marathon")
            try note.insert(db)
            var fact = Fact(personId: id, key: "kids", value: "twin daughters")
            try fact.insert(db)
            try Tag(personId: id, tag: "speaker").insert(db)
            var meeting = Meeting(personId: id, eventId: event.id!, at: Date(timeIntervalSince1970: 1_757_840_000))
            try meeting.insert(db)
        }
        var liz = liz
        liz.company = "Initech"
        try liz.update(db)
        try Tag(personId: liz.id!, tag: "organiser").insert(db)
        var note = Note(personId: liz.id!, body: "moving to Lisbon")
        try note.insert(db)
        touched.insert(liz.id!)
        return touched
    }

    static func indexes(_ db: Database) throws -> [[String]] {
        try SearchIndexDeferralTests.index(db)
            + SearchIndexDeferralTests.index(db, "SELECT rowid, name, aliases, company, title, tags FROM personCardSearch ORDER BY rowid", columns: 6)
    }

    @Test("the people a bulk write names are rebuilt once: both indexes end as row-by-row writes leave them")
    func bypassEqualsTriggers() throws {
        // Given the same writes, row by row with the triggers in one database, and in a bypass in another
        let immediate = try TestDatabase().database
        try immediate.writer.write { db in
            let (event, liz) = try Self.seed(db)
            _ = try Self.bulk(db, event: event, liz: liz)
        }
        let bypassed = try TestDatabase().database
        try bypassed.writer.write { db in
            let (event, liz) = try Self.seed(db)
            try AppDatabase.bypassingSearchTriggers(db) {
                let touched = try Self.bulk(db, event: event, liz: liz)
                // The triggers are off, even for statements the connection compiled before
                // (the seed's inserts): nothing noted, nothing rebuilt yet
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_pending") == 0)
                #expect(try String.fetchAll(db, sql: "SELECT name FROM personSearch ORDER BY rowid") == ["Liz Moreau"])
                #expect(try String.fetchOne(db, sql: "SELECT company FROM personSearch") == "Acme")
                return ((), touched)
            }
        }
        // Then both hold the same rows, and the full-text index agrees with its content
        let expected = try immediate.reader.read(Self.indexes)
        #expect(expected.count == 6)
        #expect(try bypassed.reader.read(Self.indexes) == expected)
        try bypassed.writer.write { db in
            try db.execute(sql: "INSERT INTO personSearch(personSearch) VALUES ('integrity-check')")
            try db.execute(sql: "INSERT INTO personCardSearch(personCardSearch) VALUES ('integrity-check')")
            #expect(try Int.fetchAll(db, sql: "SELECT rowid FROM personSearch WHERE personSearch MATCH 'twin'") == [2, 3])
            #expect(try Int.fetchAll(db, sql: "SELECT rowid FROM personCardSearch WHERE personCardSearch MATCH 'initech'") == [1])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_pending") == 0)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_deferring") == 0)
            // And the triggers are on again: a later write is indexed at once
            var person = Person(name: "Grace Hopper", sortName: "Hopper, Grace", normalizedName: "grace hopper")
            try person.insert(db)
            #expect(try Int64.fetchAll(db, sql: "SELECT rowid FROM personCardSearch WHERE personCardSearch MATCH 'grace'") == [person.id!])
        }
    }

    @Test("a failure inside the bypass turns the triggers on again and leaves nothing deferred")
    func failureRestoresTriggers() throws {
        struct Stop: Error {}
        let database = try TestDatabase().database
        try database.writer.write { db in
            #expect(throws: Stop.self) {
                try AppDatabase.bypassingSearchTriggers(db) { () throws -> ((), touched: Set<Int64>) in
                    var person = Person(name: "Liz Moreau", sortName: "Moreau, Liz", normalizedName: "liz moreau")
                    try person.insert(db)
                    throw Stop()
                }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_deferring") == 0)
            var person = Person(name: "Ada Byron", sortName: "Byron, Ada", normalizedName: "ada byron")
            try person.insert(db)
            // The person written inside the failed bypass is not indexed (its caller rolls back); Ada is
            #expect(try String.fetchAll(db, sql: "SELECT name FROM personSearch ORDER BY rowid") == ["Ada Byron"])
        }
    }

    @Test("inside a deferred batch, the bypass notes its people for the outer batch's rebuild")
    func nestedInDeferral() throws {
        let database = try TestDatabase().database
        let inside = try database.writer.write { db in
            try AppDatabase.deferringSearchIndex(db) {
                let (event, liz) = try Self.seed(db)
                try AppDatabase.bypassingSearchTriggers(db) { ((), try Self.bulk(db, event: event, liz: liz)) }
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch") ?? -1
            }
        }
        #expect(inside == 0)
        #expect(try database.reader.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM personSearch") } == 3)
    }
}
