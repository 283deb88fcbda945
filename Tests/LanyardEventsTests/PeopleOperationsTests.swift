import Foundation
import GRDB
import LanyardEvents
import LanyardStore
import Testing

@Suite("People: list, merge, unmerge, forget")
struct PeopleOperationsTests {
    /// Given two records of one person (a duplicate made with --new), each with meetings,
    /// notes, emails, phones, a tag and a fact.
    func twoRecords() throws -> (AppDatabase, Int64, Int64) {
        let db = try TestDatabase.make()
        let a = try db.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Elizabeth Moreau", company: "Acme", email: "liz@acme.com",
                                              booth: "12", note: "pricing", at: TestDatabase.day2025))
        let b = try db.checkIn(CheckInRequest(event: "swiftconf-2026", name: "Liz M", title: "CTO", email: "liz@acme.com", phone: "+1 415 555 0134",
                                              linkedin: "linkedin.com/in/lizm", note: "twins", at: TestDatabase.day2026, decision: .new))
        try db.writer.write { db in
            try Tag(personId: b.person.id, tag: "investor").insert(db)
            try Tag(personId: a.person.id, tag: "investor").insert(db)
            try Tag(personId: b.person.id, tag: "speaker").insert(db)
            var fact = Fact(personId: b.person.id, key: "family", value: "twins")
            try fact.insert(db)
            var mine = Fact(personId: a.person.id, key: "family", value: "kids")
            try mine.insert(db)
        }
        return (db, a.person.id, b.person.id)
    }

    @Test("Merge moves everything to KEEP; unmerge restores OTHER under its old id")
    func mergeAndUnmerge() throws {
        let (db, keep, other) = try twoRecords()
        let summary = try db.merge(keep: keep, other: other)
        #expect(summary.meetings == 1)
        #expect(summary.notes == 1)
        #expect(try TestDatabase.count(db, "person") == 1)
        #expect(try TestDatabase.count(db, "meeting") == 2)
        #expect(try TestDatabase.count(db, "personEmail") == 1)
        #expect(try TestDatabase.count(db, "personPhone") == 1)
        #expect(summary.kept.title == "CTO")
        #expect(try db.people().map(\.meetings) == [2])

        let restored = try db.unmerge(mergedPersonId: other)
        #expect(restored.id == other)
        #expect(restored.name == "Liz M")
        #expect(restored.emails == ["liz@acme.com"])
        #expect(restored.phones == ["+1 415 555 0134"])
        let state = try db.reader.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting WHERE personId = ?", arguments: [other]),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM note WHERE personId = ?", arguments: [other]),
             try String.fetchAll(db, sql: "SELECT tag FROM tag WHERE personId = ? ORDER BY tag", arguments: [other]),
             try String.fetchAll(db, sql: "SELECT tag FROM tag WHERE personId = ? ORDER BY tag", arguments: [keep]),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact WHERE personId = ? AND supersededAt IS NULL", arguments: [other]),
             try Person.fetchOne(db, key: keep))
        }
        #expect(state.0 == 1)
        #expect(state.1 == 1)
        #expect(state.2 == ["investor", "speaker"])
        #expect(state.3 == ["investor"])
        #expect(state.4 == 1)
        #expect(state.5?.title == nil)
        #expect(state.5?.linkedinKey == nil)
        #expect(throws: PeopleError.nothingToUnmerge(id: other)) { try db.unmerge(mergedPersonId: other) }
    }

    @Test("Merge refuses itself and unknown people")
    func mergeRefusals() throws {
        let (db, keep, _) = try twoRecords()
        #expect(throws: PeopleError.mergeWithSelf(id: keep)) { try db.merge(keep: keep, other: keep) }
        #expect(throws: PeopleError.unknownPerson(id: 999)) { try db.merge(keep: keep, other: 999) }
    }

    @Test("Forget deletes the person and everything about them, merge records included")
    func forget() throws {
        let (db, keep, other) = try twoRecords()
        _ = try db.merge(keep: keep, other: other)
        let summary = try db.forget(personId: keep)
        #expect(summary.meetings == 2)
        #expect(summary.mergeRecords == 1)
        for table in ["person", "meeting", "note", "personEmail", "personPhone", "personKey", "tag", "fact", "mergeRecord"] {
            #expect(try TestDatabase.count(db, table) == 0, "\(table)")
        }
        #expect(throws: PeopleError.unknownPerson(id: keep)) { try db.forget(personId: keep) }
    }
}
