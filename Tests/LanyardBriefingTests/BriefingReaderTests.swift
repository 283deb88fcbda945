import Foundation
import GRDB
import LanyardStore
import Testing
@testable import LanyardBriefing

@Suite("The briefing's reader agrees with the general rules it replaces")
struct BriefingReaderTests {
    @Test("Last in touch is AppDatabase.lastInTouch for every listed person")
    func lastInTouch() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }
        for briefing in [try fixture.briefing(), try fixture.briefing(since: CalendarDay("2025-01-01"))] {
            let ids = briefing.allPeople.map(\.id)
            let general = try fixture.database.reader.read { db in try AppDatabase.lastInTouch(personIds: ids, in: db) }
            #expect(!general.isEmpty)
            for person in briefing.allPeople {
                #expect(person.lastInTouch == general[person.id], "\(person.name)")
            }
        }
    }

    @Test("More people than one statement's parameters: everyone listed once, in order, with their details")
    func manyPeople() throws {
        // Given 1,200 people met at last year's edition, every third one also noted, tagged and followed up
        let (database, directory) = try BriefingFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = BriefingFixture.now
        try database.writer.write { db in
            var last = Event(slug: "bigconf-2025", name: "BigConf 2025", series: "bigconf", startDate: CalendarDay("2025-09-01")!, endDate: CalendarDay("2025-09-02")!, city: "Lyon")
            var next = Event(slug: "bigconf-2026", name: "BigConf 2026", series: "bigconf", startDate: CalendarDay("2026-09-20")!, endDate: CalendarDay("2026-09-21")!, city: "Lyon")
            try last.insert(db)
            try next.insert(db)
            for i in 0..<1_200 {
                var person = Person(name: "Person \(i)", sortName: "person \(i)", normalizedName: "person \(i)", company: i % 2 == 0 ? "Acme" : nil)
                try person.insert(db)
                var meeting = Meeting(personId: person.id!, eventId: last.id!, at: BriefingFixture.date("2025-09-01T09:00:00Z").addingTimeInterval(Double(i) * 60.125))
                try meeting.insert(db)
                if i % 3 == 0 {
                    var note = Note(personId: person.id!, body: "Note \(i)", createdAt: now.addingTimeInterval(-Double(i) * 3_600.5))
                    try note.insert(db)
                    try Tag(personId: person.id!, tag: "ask-about: topic \(i)").insert(db)
                    var followUp = FollowUp(personId: person.id!, eventId: last.id!, state: .sent, toAddress: "p\(i)@example.com", subject: "Hi", body: "Hello",
                                            template: "default", dueAt: BriefingFixture.date("2025-09-03T07:00:00Z"), sentAt: BriefingFixture.date("2025-09-03T07:00:00Z").addingTimeInterval(Double(i)))
                    try followUp.insert(db)
                }
            }
        }

        // When briefing for this year's edition
        let briefing = try database.briefing(eventSlug: "bigconf-2026", now: now)

        // Then all 1,200 are listed once, strongest first, each with their own details
        #expect(briefing.seriesPeople.count == 1_200)
        #expect(Set(briefing.seriesPeople.map(\.id)).count == 1_200)
        #expect(briefing.seriesPeople.map(\.strength) == briefing.seriesPeople.map(\.strength).sorted(by: >))
        #expect(briefing.earlierEditions.map(\.peopleMet) == [1_200])
        let general = try database.reader.read { db in try AppDatabase.lastInTouch(personIds: briefing.seriesPeople.map(\.id), in: db) }
        for person in briefing.seriesPeople {
            let i = Int(person.name.dropFirst("Person ".count))!
            #expect(person.lastInTouch == general[person.id])
            #expect(person.company == (i % 2 == 0 ? "Acme" : nil))
            #expect(person.noteCount == (i % 3 == 0 ? 1 : 0))
            #expect(person.askAbout == (i % 3 == 0 ? ["topic \(i)"] : []))
            #expect(person.flags.contains(.neverFollowedUp) == (i % 3 != 0))
            #expect(person.seriesMeetings.map(\.eventSlug) == ["bigconf-2025"])
        }
        #expect(try BriefingFormat.json.render(briefing) == String(decoding: try LanyardJSON.encoder(pretty: false).encode(briefing), as: UTF8.self) + "\n")
    }

    @Test("Stored dates and days are read as GRDB reads them")
    func storedDates() throws {
        let (database, directory) = try BriefingFixture.emptyDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: 951_782_400), // 2000-02-29
                     Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: 253_402_300_799.999),
                     // Once read 1 ulp apart when the fraction was added after the whole days
                     Date.fromDatabaseValue("2000-12-11 14:41:37.353".databaseValue)!]
        for _ in 0..<3_000 {
            dates.append(Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &generator)) / 1_000))
        }
        let texts = dates.map { String.fromDatabaseValue($0.databaseValue)! }
            + ["2026-09-01 09:00:00", "2026-09-01T09:00:00.000", "2026-09-01 09:00", "2026-09-01", "2026-02-30 10:00:00.000", "2026-09-01 09:00:00.5"]
        try database.reader.read { db in
            var mismatches: [String] = []
            for text in texts {
                try SQLiteColumns.forEach(db, "SELECT ?, ?", [text, String(text.prefix(10))]) { c in
                    let general = Date.fromDatabaseValue(text.databaseValue)
                    let read = try? c.date(0)
                    if read != general { mismatches.append("\(text): \(String(describing: read)) vs \(String(describing: general))") }
                    let day = try? c.day(1)
                    if day != CalendarDay(String(text.prefix(10))) { mismatches.append("day \(text.prefix(10))") }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5))")
        }
    }

    @Test("The reusable folder finds terms exactly where TextMatch does")
    func folder() {
        let matchers = ["Berlin", "Zürich", "try-swift-tokyo", "swiftconf", "İstanbul"].compactMap(TextMatch.init)
        let texts = BriefingJSONTests.awkward + [
            "Berlin", "berlin!", "near the Berliner Dom", "BERLIN-2025", "zurich", "ZÜRICH", "Zuerich", "see you at Try! Swift Tokyo",
            "tryswift tokyo", "SwiftConf", "swift conf", "istanbul", "\u{0}berlin\u{0}", "ber lin", " ", "",
        ]
        var folder = TextFolder()
        for text in texts {
            let mask = folder.matches(text, matchers)
            for (k, matcher) in matchers.enumerated() {
                #expect((mask >> UInt64(k)) & 1 == (matcher.matches(text) ? 1 : 0), "\(matcher.term) in \(text.debugDescription)")
            }
        }
    }

    @Test("Id lists for json_each are JSON arrays of the ids")
    func idList() throws {
        let ids: [Int64] = [0, 1, -1, 9, 10, 1_234_567, Int64.max, Int64.min]
        #expect(BriefingReader.jsonList([]) == "[]")
        #expect(BriefingReader.jsonList(ids) == "[" + ids.map(String.init).joined(separator: ",") + "]")
    }
}
