import Foundation
import GRDB
import LanyardStore

/// The briefing's queries: one statement each, ids passed as one JSON list, columns read
/// straight from SQLite (`SQLiteColumns`).
extension BriefingReader {
    struct PersonRow {
        var id: Int64
        var name: String
        var sortName: String
        var company: String?
        var title: String?
    }

    struct FollowUpRow {
        var eventId: Int64
        var state: String
        var subject: String
        var dueAt: Date
        var sentAt: Date?
    }

    struct MeetingStats {
        var count: Int
        var first: Date
        var last: Date
    }

    /// Every event, in calendar order (`chronological()`).
    func events() throws -> [Event] {
        var events: [Event] = []
        try SQLiteColumns.forEach(db, "SELECT id, slug, name, series, startDate, endDate, city, timeZone FROM event ORDER BY startDate, slug") { c in
            events.append(Event(id: c.int64(0), slug: c.text(1), name: c.text(2), series: c.text(3), startDate: try c.day(4), endDate: try c.day(5),
                                city: c.optionalText(6), timeZone: c.text(7), createdAt: .distantPast))
        }
        return events
    }

    /// The meetings at these events, oldest first.
    func meetings(atEvents eventIds: [Int64]) throws -> [MeetingRow] {
        try meetings("""
            SELECT personId, eventId, at, booth, context FROM meeting
            WHERE eventId IN (SELECT value FROM json_each(?)) ORDER BY at, id
            """, [Self.jsonList(eventIds)])
    }

    /// The meetings between two moments anywhere but at one event, oldest first.
    func meetings(from start: Date, to end: Date, except eventId: Int64) throws -> [MeetingRow] {
        try meetings("""
            SELECT personId, eventId, at, booth, context FROM meeting
            WHERE at >= ? AND at <= ? AND eventId <> ? ORDER BY at, id
            """, [start, end, eventId])
    }

    private func meetings(_ sql: String, _ arguments: StatementArguments) throws -> [MeetingRow] {
        var rows: [MeetingRow] = []
        try SQLiteColumns.forEach(db, sql, arguments) { c in
            rows.append(MeetingRow(personId: c.int64(0), eventId: c.int64(1), at: try c.date(2), booth: c.optionalText(3), context: c.optionalText(4)))
        }
        return rows
    }

    /// Each person's tags, alphabetically.
    func tags(of personIds: [Int64]) throws -> [Int64: [String]] {
        var tags: [Int64: [String]] = [:]
        try SQLiteColumns.forEach(db, "SELECT personId, tag FROM tag WHERE personId IN (SELECT value FROM json_each(?)) ORDER BY tag", [Self.jsonList(personIds)]) { c in
            tags[c.int64(0), default: []].append(c.text(1))
        }
        return tags
    }

    /// Each person's notes, newest first.
    func notes(of personIds: [Int64]) throws -> [Int64: [BriefingPerson.NoteLine]] {
        var notes: [Int64: [BriefingPerson.NoteLine]] = [:]
        try SQLiteColumns.forEach(db, """
            SELECT personId, createdAt, body FROM note WHERE personId IN (SELECT value FROM json_each(?))
            ORDER BY createdAt DESC, id DESC
            """, [Self.jsonList(personIds)]) { c in
            notes[c.int64(0), default: []].append(.init(createdAt: try c.date(1), body: c.text(2)))
        }
        return notes
    }

    /// Who the people are now.
    func people(_ personIds: [Int64]) throws -> [PersonRow] {
        var people: [PersonRow] = []
        try SQLiteColumns.forEach(db, "SELECT id, name, sortName, company, title FROM person WHERE id IN (SELECT value FROM json_each(?))", [Self.jsonList(personIds)]) { c in
            people.append(PersonRow(id: c.int64(0), name: c.text(1), sortName: c.text(2), company: c.optionalText(3), title: c.optionalText(4)))
        }
        return people
    }

    /// Each person's facts in force, by key.
    func facts(of personIds: [Int64]) throws -> [Int64: [BriefingPerson.FactLine]] {
        var facts: [Int64: [BriefingPerson.FactLine]] = [:]
        try SQLiteColumns.forEach(db, """
            SELECT personId, key, value FROM fact WHERE supersededAt IS NULL AND personId IN (SELECT value FROM json_each(?)) ORDER BY key, id
            """, [Self.jsonList(personIds)]) { c in
            facts[c.int64(0), default: []].append(.init(key: c.text(1), value: c.text(2)))
        }
        return facts
    }

    /// Each person's follow-ups, soonest due first.
    func followUps(of personIds: [Int64]) throws -> [Int64: [FollowUpRow]] {
        var followUps: [Int64: [FollowUpRow]] = [:]
        try SQLiteColumns.forEach(db, """
            SELECT personId, eventId, state, subject, dueAt, sentAt FROM followUp WHERE personId IN (SELECT value FROM json_each(?)) ORDER BY dueAt, id
            """, [Self.jsonList(personIds)]) { c in
            followUps[c.int64(0), default: []].append(
                FollowUpRow(eventId: c.int64(1), state: c.text(2), subject: c.text(3), dueAt: try c.date(4), sentAt: try c.optionalDate(5)))
        }
        return followUps
    }

    /// How many times each person was met, first and last.
    func meetingStats(of personIds: [Int64]) throws -> [Int64: MeetingStats] {
        var stats: [Int64: MeetingStats] = [:]
        try SQLiteColumns.forEach(db, """
            SELECT personId, COUNT(*), MIN(at), MAX(at) FROM meeting WHERE personId IN (SELECT value FROM json_each(?)) GROUP BY personId
            """, [Self.jsonList(personIds)]) { c in
            stats[c.int64(0)] = MeetingStats(count: c.int(1), first: try c.date(2), last: try c.date(3))
        }
        return stats
    }

    /// "Last in touch" from what the briefing already read: the latest meeting, note or sent
    /// follow-up, the rule of `AppDatabase.lastInTouch` (a test checks they agree).
    static func lastInTouch(meetings: [Int64: MeetingStats], notes: [Int64: [BriefingPerson.NoteLine]], followUps: [Int64: [FollowUpRow]]) -> [Int64: Date] {
        var last: [Int64: Date] = [:]
        func touch(_ id: Int64, _ date: Date) {
            if let known = last[id], known >= date { return }
            last[id] = date
        }
        for (id, stats) in meetings { touch(id, stats.last) }
        for (id, lines) in notes { if let newest = lines.first { touch(id, newest.createdAt) } }
        for (id, rows) in followUps {
            for row in rows where row.state == FollowUp.State.sent.rawValue { if let sentAt = row.sentAt { touch(id, sentAt) } }
        }
        return last
    }

    /// `[1,2,3]`, for `json_each(?)`.
    static func jsonList(_ ids: [Int64]) -> String {
        var text: [UInt8] = [UInt8(ascii: "[")]
        text.reserveCapacity(ids.count * 8 + 2)
        var digits: [UInt8] = []
        for (i, id) in ids.enumerated() {
            if i > 0 { text.append(UInt8(ascii: ",")) }
            if id < 0 { text.append(UInt8(ascii: "-")) }
            var rest = id.magnitude
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest > 0
            text.append(contentsOf: digits.reversed())
        }
        text.append(UInt8(ascii: "]"))
        return String(decoding: text, as: UTF8.self)
    }
}
