import Foundation
import GRDB
import LanyardBriefing
import LanyardStore

/// Three editions of SwiftConf in Berlin (2024, 2025, and 2026 coming), two of iOSDevUK and a
/// Berlin meetup, with repeat and one-off attendees, notes, facts, tags and follow-ups.
///
/// | person | met                                   | why listed for swiftconf-2026   | strength |
/// |--------|---------------------------------------|---------------------------------|----------|
/// | Ada    | SwiftConf 2024 + 2025, 4 notes, 2 sent | series                          | 26       |
/// | Ben    | SwiftConf 2025, draft never sent       | series                          | 5        |
/// | Chloé  | SwiftConf 2024, send failed            | series                          | 3        |
/// | Eve    | iOSDevUK 2026, sent, note "SWIFTCONF"  | note mentions swiftconf         | 15       |
/// | Hana   | Berlin meetup 2026                     | met in Berlin                   | 9        |
/// | Dan    | iOSDevUK 2026, tagged BERLIN           | tag                             | 5        |
/// | Finn   | iOSDevUK 2026, nothing linking         | not listed                      |          |
/// | Gus    | iOSDevUK 2025 (18 months ago), berlin  | not listed (outside 12 months)  |          |
struct BriefingFixture {
    let database: AppDatabase
    let directory: URL
    /// 2026-09-01 09:00 UTC, two weeks before SwiftConf 2026.
    static let now = date("2026-09-01T09:00:00Z")

    let ids: [String: Int64]
    let events: [String: Int64]

    static func date(_ text: String) -> Date {
        LanyardJSON.parseTimestamp(text)!
    }

    /// A fresh database file in its own temporary folder.
    static func emptyDatabase() throws -> (AppDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-briefing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try AppDatabase.open(at: directory.appendingPathComponent("test.sqlite").path), directory)
    }

    init() throws {
        let (database, directory) = try Self.emptyDatabase()
        self.database = database
        self.directory = directory
        (ids, events) = try database.writer.write { db in
            var e: [String: Int64] = [:]
            func event(_ slug: String, _ name: String, _ series: String, _ start: String, _ end: String, _ city: String, _ zone: String) throws {
                var event = Event(slug: slug, name: name, series: series, startDate: CalendarDay(start)!, endDate: CalendarDay(end)!, city: city, timeZone: zone)
                try event.insert(db)
                e[slug] = event.id!
            }
            try event("swiftconf-2024", "SwiftConf 2024", "swiftconf", "2024-09-10", "2024-09-11", "Berlin", "Europe/Berlin")
            try event("swiftconf-2025", "SwiftConf 2025", "swiftconf", "2025-09-15", "2025-09-16", "Berlin", "Europe/Berlin")
            try event("swiftconf-2026", "SwiftConf 2026", "swiftconf", "2026-09-14", "2026-09-16", "Berlin", "Europe/Berlin")
            try event("iosdevuk-2025", "iOSDevUK 2025", "iosdevuk", "2025-03-05", "2025-03-06", "Aberystwyth", "Europe/London")
            try event("iosdevuk-2026", "iOSDevUK 2026", "iosdevuk", "2026-03-02", "2026-03-04", "Aberystwyth", "Europe/London")
            try event("berlin-meetup-2026", "Berlin Swift Meetup 2026", "berlin-swift-meetup", "2026-06-10", "2026-06-10", "Berlin", "Europe/Berlin")

            var p: [String: Int64] = [:]
            func person(_ key: String, _ name: String, company: String? = nil, title: String? = nil) throws {
                var person = Person(name: name, sortName: name.lowercased(), normalizedName: name.lowercased(), company: company, title: title)
                try person.insert(db)
                p[key] = person.id!
            }
            func meet(_ key: String, _ slug: String, _ at: String, booth: String? = nil) throws {
                var meeting = Meeting(personId: p[key]!, eventId: e[slug]!, at: Self.date(at), booth: booth)
                try meeting.insert(db)
            }
            func note(_ key: String, _ at: String, _ body: String) throws {
                var note = Note(personId: p[key]!, body: body, createdAt: Self.date(at), updatedAt: Self.date(at))
                try note.insert(db)
            }
            func followUp(_ key: String, _ slug: String, _ state: FollowUp.State, _ subject: String, due: String, sent: String? = nil) throws {
                var followUp = FollowUp(
                    personId: p[key]!, eventId: e[slug]!, state: state, toAddress: "\(key)@example.com", subject: subject,
                    body: "Hello", template: "default", dueAt: Self.date(due), sentAt: sent.map(Self.date))
                try followUp.insert(db)
            }

            try person("ada", "Ada Lovelace", company: "Analytical Engines", title: "CTO")
            try meet("ada", "swiftconf-2024", "2024-09-10T10:00:00Z", booth: "A12")
            try meet("ada", "swiftconf-2025", "2025-09-15T14:00:00Z", booth: "A12")
            try note("ada", "2024-09-10T18:00:00Z", "Works on Swift on the server")
            try note("ada", "2025-09-15T18:00:00Z", "Training for the Berlin marathon")
            try note("ada", "2026-01-10T12:00:00Z", "Moved to a new team")
            try note("ada", "2026-05-01T12:00:00Z", "Sent her the SwiftConf CFP link")
            var family = Fact(personId: p["ada"]!, key: "family", value: "twin daughters", learnedAt: Self.date("2024-09-10T10:00:00Z"))
            try family.insert(db)
            var oldFamily = Fact(personId: p["ada"]!, key: "family", value: "expecting", learnedAt: Self.date("2023-01-01T10:00:00Z"), supersededAt: Self.date("2024-09-10T10:00:00Z"))
            try oldFamily.insert(db)
            var ask = Fact(personId: p["ada"]!, key: "Ask About", value: "the Rust port", learnedAt: Self.date("2025-09-15T14:00:00Z"))
            try ask.insert(db)
            try Tag(personId: p["ada"]!, tag: "ask-about: her marathon").insert(db)
            try followUp("ada", "swiftconf-2024", .sent, "Thanks for the chat", due: "2024-09-11T07:00:00Z", sent: "2024-09-11T07:00:05Z")
            try followUp("ada", "swiftconf-2025", .sent, "Good to see you again", due: "2025-09-16T07:00:00Z", sent: "2025-09-16T07:00:05Z")

            try person("ben", "Ben Okafor", company: "Plain <Sight> & Co", title: "iOS Engineer")
            try meet("ben", "swiftconf-2025", "2025-09-15T16:00:00Z", booth: "B7")
            try followUp("ben", "swiftconf-2025", .draft, "Great to meet you at SwiftConf", due: "2025-09-16T07:00:00Z")

            try person("chloe", "Chloé Dubois", company: "Octet", title: "Designer")
            try meet("chloe", "swiftconf-2024", "2024-09-11T11:00:00Z")
            try followUp("chloe", "swiftconf-2024", .failed, "Merci !", due: "2024-09-12T07:00:00Z")

            try person("dan", "Dan Reyes", company: "Tidewater")
            try meet("dan", "iosdevuk-2026", "2026-03-02T10:00:00Z")
            try Tag(personId: p["dan"]!, tag: "BERLIN").insert(db)

            try person("eve", "Eve Novak", company: "Kestrel", title: "Staff Engineer")
            try meet("eve", "iosdevuk-2026", "2026-03-03T10:00:00Z")
            try note("eve", "2026-08-01T09:00:00Z", "Speaking at SWIFTCONF next month!")
            try followUp("eve", "iosdevuk-2026", .sent, "Nice talk", due: "2026-03-04T07:00:00Z", sent: "2026-03-04T07:00:05Z")

            try person("finn", "Finn Walsh")
            try meet("finn", "iosdevuk-2026", "2026-03-03T11:00:00Z")
            try Tag(personId: p["finn"]!, tag: "leeds").insert(db)
            try note("finn", "2026-03-03T11:00:00Z", "Likes trains; lives near the Berliner Dom") // "Berliner" is not "Berlin"

            try person("gus", "Gus Lindqvist")
            try meet("gus", "iosdevuk-2025", "2025-03-05T10:00:00Z")
            try Tag(personId: p["gus"]!, tag: "berlin").insert(db)

            try person("hana", "Hana Sato", company: "Koi Apps")
            try meet("hana", "berlin-meetup-2026", "2026-06-10T18:00:00Z")
            return (p, e)
        }
    }

    func id(_ key: String) -> Int64 { ids[key]! }

    /// The briefing for SwiftConf 2026 as of `now`.
    func briefing(_ slug: String = "swiftconf-2026", since: CalendarDay? = nil, staleAfter: Int = 365, now: Date = Self.now) throws -> Briefing {
        try database.briefing(eventSlug: slug, since: since, staleAfter: staleAfter, now: now)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension Briefing {
    /// Names in a section, in order.
    static func names(_ people: [BriefingPerson]) -> [String] { people.map(\.name) }

    func person(_ name: String) -> BriefingPerson? { allPeople.first { $0.name == name } }
}
