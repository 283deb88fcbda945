import Foundation
import GRDB
import LanyardFollowUp
import LanyardStore
import LanyardTestSupport

/// A fresh database file and config folder per test, with helpers that insert records the way
/// the events module will (people, emails, events, meetings, facts, notes, tags).
struct Fixture {
    let root: URL
    let database: AppDatabase
    var configDirectory: String { root.appendingPathComponent("config").path }

    init() throws {
        root = try TemporaryFolder.make("lanyard-followup")
        database = try AppDatabase.open(at: root.appendingPathComponent("test.sqlite").path)
    }

    func service(password: String? = nil, responseTimeout: TimeInterval = 20) -> FollowUpService {
        var environment: [String: String] = [:]
        if let password { environment["LANYARD_SMTP_PASSWORD"] = password }
        var service = FollowUpService(database: database, configDirectory: configDirectory, environment: environment)
        service.connectTimeout = 10
        service.responseTimeout = responseTimeout
        return service
    }

    /// UTC instant from "2026-05-14T15:30:00Z".
    static func date(_ text: String) -> Date { LanyardJSON.parseTimestamp(text)! }

    @discardableResult
    func event(_ slug: String = "swiftconf-2026", name: String = "SwiftConf 2026", timeZone: String = "Europe/Berlin",
               start: String = "2026-05-14", end: String = "2026-05-15", city: String? = "Berlin") throws -> Event {
        try database.writer.write { db in
            var event = Event(slug: slug, name: name, series: "swiftconf", startDate: CalendarDay(start)!, endDate: CalendarDay(end)!,
                              city: city, timeZone: timeZone)
            try event.insert(db)
            return event
        }
    }

    /// A person with an email (unless nil), met once at `event` at `at`.
    @discardableResult
    func personMet(
        _ name: String, email: String?, company: String? = nil, at: Date, event: Event, booth: String? = nil,
        facts: [String: String] = [:], note: String? = nil, tags: [String] = []
    ) throws -> Person {
        try database.writer.write { db in
            var person = Person(name: name, sortName: name, normalizedName: name.lowercased(), company: company)
            try person.insert(db)
            if let email {
                var row = PersonEmail(personId: person.id!, email: email, normalized: email.lowercased())
                try row.insert(db)
            }
            var meeting = Meeting(personId: person.id!, eventId: event.id!, at: at, booth: booth)
            try meeting.insert(db)
            for (key, value) in facts {
                var fact = Fact(personId: person.id!, meetingId: meeting.id, key: key, value: value, learnedAt: at)
                try fact.insert(db)
            }
            if let note {
                var older = Note(personId: person.id!, body: "an older note", createdAt: at.addingTimeInterval(-86400))
                try older.insert(db)
                var newest = Note(personId: person.id!, meetingId: meeting.id, body: note, createdAt: at)
                try newest.insert(db)
            }
            for tag in tags { try Tag(personId: person.id!, tag: tag).insert(db) }
            return person
        }
    }

    func meetAgain(_ person: Person, event: Event, at: Date) throws {
        try database.writer.write { db in
            var meeting = Meeting(personId: person.id!, eventId: event.id!, at: at)
            try meeting.insert(db)
        }
    }

    func configure(smtpURL: String = "smtps://mail.example.com", username: String = "u", caFile: String? = nil,
                   senderEmail: String = "ada@example.org", signature: String? = "Ada — lanyard.example",
                   passwordCommand: String? = nil) throws {
        let settings = FollowUpSettings(
            smtp: .init(url: smtpURL, username: username, caFile: caFile, passwordCommand: passwordCommand),
            sender: .init(name: "Ada Lovelace", email: senderEmail, signature: signature))
        try settings.save(to: configDirectory)
    }

    func writeTemplate(_ name: String, _ text: String) throws {
        let folder = URL(fileURLWithPath: configDirectory).appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
    }
}
