import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardInterchange
import LanyardStore
import Testing

@Suite("events as iCalendar")
struct EventCalendarTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LanyardFormatsTests/Fixtures/ical")

    @Test("export writes a valid .ics that imports back to the same editions")
    func roundTrip() throws {
        // Given editions, one with a city and a zone, one spanning a month end, one without UID
        let source = try TestDatabase()
        defer { source.cleanUp() }
        try source.database.addEvent(EventDraft(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "SwiftConf", start: "2025-09-14", end: "2025-09-15", city: "Berlin", timeZone: "Europe/Berlin"))
        try source.database.addEvent(EventDraft(slug: "try-swift-tokyo-2026", name: "try! Swift Tokyo; 2026, spring", series: "try! Swift Tokyo", start: "2026-03-31", end: "2026-04-02", city: "Tōkyō", timeZone: "Asia/Tokyo"))
        try source.database.addEvent(EventDraft(slug: "meetup.1", name: "Meetup", series: "meetup", start: "2025-12-31"))
        // When exported and imported into an empty database
        let text = try source.database.eventsCalendar()
        let file = source.path("events.ics")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let target = try TestDatabase()
        defer { target.cleanUp() }
        let summary = try target.database.importEvents(files: [URL(fileURLWithPath: file)])
        // Then the same editions come back
        #expect(summary.added.sorted() == ["meetup.1", "swiftconf-2025", "try-swift-tokyo-2026"])
        func comparable(_ events: [Event]) -> [[String?]] {
            events.map { [$0.slug, $0.name, $0.series, $0.startDate.description, $0.endDate.description, $0.city, $0.timeZone] }
        }
        #expect(comparable(try target.database.events()) == comparable(try source.database.events()))
        // And the text is RFC 5545 shaped: CRLF, ≤ 75 octets, VERSION and PRODID, exclusive DTEND
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(text.contains("DTEND;VALUE=DATE:20250916\r\n"))
        #expect(text.contains("X-LANYARD-SLUG:swiftconf-2025\r\n"))
        // And importing the export again changes nothing
        let again = try target.database.importEvents(files: [URL(fileURLWithPath: file)])
        #expect(again.unchanged.count == 3)
        #expect(again.added.isEmpty && again.updated.isEmpty)
    }

    @Test("every shared iCalendar fixture imports, holds no usable event, or is refused naming file:line")
    func fixturesThroughImport() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".ics") }.sorted()
        #expect(names.count > 100)
        var imported = 0, empty = 0, refused = 0
        for name in names {
            // Given a fresh database and one fixture
            let store = try TestDatabase()
            defer { store.cleanUp() }
            let file = Self.fixtures.appendingPathComponent(name)
            do {
                // When it is imported
                let summary = try store.database.importEvents(files: [file])
                // Then it either added editions or reported that it holds none
                let count = try store.database.events().count
                #expect(summary.added.count == count, "\(name)")
                if count > 0 { imported += 1 } else { empty += 1 }
            } catch let error as EventError {
                // Or it was refused with the file and, when the line is known, the line
                guard case let .invalidCalendar(place, message) = error else { Issue.record("\(name): \(error)"); continue }
                #expect(place.hasPrefix(file.path + ":"), "\(name): \(place) \(message)")
                #expect(try store.database.events().isEmpty, "\(name): nothing stored")
                refused += 1
            }
        }
        #expect(imported >= 30)
        #expect(refused >= 40)
        #expect(imported + empty + refused == names.count)
    }

    @Test("a zoned DTSTART with a custom VTIMEZONE imports with a usable zone")
    func customZone() throws {
        let store = try TestDatabase()
        defer { store.cleanUp() }
        let summary = try store.database.importEvents(files: [Self.fixtures.appendingPathComponent("issue_218_bad_tzid.ics")])
        #expect(summary.added.count == 1)
        let event = try #require(try store.database.events().first)
        #expect(TimeZone(identifier: event.timeZone) != nil)
        #expect(event.startDate.description == "2017-02-28")
    }
}
