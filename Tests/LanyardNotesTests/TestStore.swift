import Foundation
import GRDB
import LanyardStore
import LanyardTestSupport

/// A fresh real SQLite file per test, and the few records the notes tests start from.
/// People are inserted directly (the events module creates them in the app).
struct TestStore {
    let db: AppDatabase
    let folder: URL

    init() throws {
        folder = try TemporaryFolder.make("lanyard-notes")
        db = try AppDatabase.open(at: folder.appendingPathComponent("test.sqlite").path)
    }

    /// Inserts a person; sortName and normalizedName are derived simply from the name.
    @discardableResult
    func person(_ name: String, company: String? = nil, title: String? = nil) throws -> Person {
        var person = Person(
            name: name, sortName: Self.sortName(name), normalizedName: Self.normalized(name),
            company: company, title: title)
        try db.writer.write { try person.insert($0) }
        return person
    }

    /// Inserts an edition.
    @discardableResult
    func event(_ slug: String, name: String, city: String? = nil, on day: String = "2025-09-14") throws -> Event {
        var event = Event(slug: slug, name: name, series: slug, startDate: CalendarDay(day)!, endDate: CalendarDay(day)!, city: city)
        try db.writer.write { try event.insert($0) }
        return event
    }

    /// Inserts a meeting of a person at an event.
    @discardableResult
    func meeting(_ person: Person, at event: Event, on date: Date, booth: String? = nil) throws -> Meeting {
        var meeting = Meeting(personId: person.id!, eventId: event.id!, at: date, booth: booth)
        try db.writer.write { try meeting.insert($0) }
        return meeting
    }

    static func normalized(_ name: String) -> String {
        name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    static func sortName(_ name: String) -> String {
        let parts = name.split(separator: " ")
        guard parts.count > 1 else { return name }
        return "\(parts.last!), \(parts.dropLast().joined(separator: " "))"
    }

    /// A fixed instant plus `days`, so dates in assertions are stable.
    static func day(_ days: Double, hour: Double = 10) -> Date {
        Date(timeIntervalSince1970: 1_757_808_000 + days * 86_400 + hour * 3_600) // 2025-09-14T00:00Z
    }
}
