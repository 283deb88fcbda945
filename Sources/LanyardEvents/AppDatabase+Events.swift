import Foundation
import GRDB
import LanyardFormats
import LanyardStore

/// What an import of editions did.
public struct EventImportSummary: Sendable, Equatable, Codable {
    public var added: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// What was read but doubtful ("file.ics:12 (DTSTART): unknown time zone ..."), each with its place.
    public var warnings: [String] = []
    public init() {}
}

extension AppDatabase {
    // MARK: - Reads

    /// Every edition, oldest first.
    public func events() throws -> [Event] {
        try reader.read { db in try Event.all().chronological().fetchAll(db) }
    }

    /// The edition with this slug, or `EventError.unknownEvent`.
    public func event(slug: String) throws -> Event {
        try reader.read { db in try Self.event(slug: slug, in: db) }
    }

    /// The edition with this slug inside a transaction.
    public static func event(slug: String, in db: Database) throws -> Event {
        guard let event = try Event.filter(Event.Columns.slug == slug).fetchOne(db) else {
            throw EventError.unknownEvent(slug: slug)
        }
        return event
    }

    /// The editions of a series, oldest first.
    public func editions(ofSeries series: String) throws -> [Event] {
        try reader.read { db in
            try Event.filter(Event.Columns.series == series).chronological().fetchAll(db)
        }
    }

    // MARK: - Writes

    /// Adds one edition after validating it; a duplicate slug is refused by name.
    @discardableResult
    public func addEvent(_ draft: EventDraft) throws -> Event {
        var event = try draft.validated()
        return try writer.write { db in
            if try Event.filter(Event.Columns.slug == event.slug).fetchCount(db) > 0 {
                throw EventError.duplicateSlug(event.slug)
            }
            try event.insert(db)
            return event
        }
    }

    /// Imports the VEVENTs of iCalendar files as editions, all files in one transaction:
    /// a bad file or event stops the import with "file:line" and nothing is stored.
    /// Importing the same file again changes nothing (events are matched by UID, then slug).
    public func importEvents(files: [URL]) throws -> EventImportSummary {
        var sources: [(data: Data, source: String)] = []
        for file in files {
            do {
                sources.append((try Data(contentsOf: file), file.path))
            } catch {
                throw EventError.invalidCalendar(place: file.path, message: "cannot read the file")
            }
        }
        return try importEvents(calendars: sources)
    }

    /// Imports iCalendar text that did not come from a file (an HTTP body, an upload) the same
    /// way as `importEvents(files:)`; `source` names it in errors ("request body:12").
    public func importEvents(calendarText text: String, source: String) throws -> EventImportSummary {
        try importEvents(calendars: [(Data(text.utf8), source)])
    }

    /// Imports several iCalendar documents in one transaction; each `source` names its bytes in
    /// errors. Bytes that are not UTF-8 are refused with their line.
    public func importEvents(calendars sources: [(data: Data, source: String)]) throws -> EventImportSummary {
        var drafts: [(draft: EventDraft, uid: String?, place: String)] = []
        var warnings: [String] = []
        for (data, source) in sources {
            let calendars: [ICalendar]
            do {
                calendars = try ICalendarReader.parse(data: data)
            } catch let error as FormatError {
                let place = error.line.map { "\(source):\($0)" } ?? source
                throw EventError.invalidCalendar(place: place, message: (error.field.map { "\($0): " } ?? "") + error.message)
            }
            for calendar in calendars {
                warnings += calendar.warnings.map { warning in
                    (warning.line.map { "\(source):\($0)" } ?? source) + (warning.field.map { " (\($0))" } ?? "") + ": " + warning.message
                }
                for vevent in calendar.events {
                    let place = "\(source):\(vevent.line)"
                    drafts.append((try Self.draft(from: vevent, calendar: calendar, place: place), vevent.uid, place))
                }
            }
        }
        return try writer.write { db in
            var summary = EventImportSummary()
            summary.warnings = warnings
            for item in drafts {
                var event: Event
                do {
                    event = try item.draft.validated(uid: item.uid)
                } catch let error as EventError {
                    throw EventError.invalidCalendar(place: item.place, message: error.description)
                }
                let existing = try item.uid.flatMap { try Event.filter(Event.Columns.uid == $0).fetchOne(db) }
                    ?? Event.filter(Event.Columns.slug == event.slug).fetchOne(db)
                if let existing {
                    event.id = existing.id
                    event.slug = existing.slug
                    event.createdAt = existing.createdAt
                    event.uid = existing.uid ?? event.uid
                    if existing.uid != nil, item.uid != nil, existing.uid != item.uid {
                        throw EventError.invalidCalendar(place: item.place, message: "slug \"\(existing.slug)\" is already used by another event (UID \(existing.uid!))")
                    }
                    if existing == event {
                        summary.unchanged.append(event.slug)
                    } else {
                        try event.update(db)
                        summary.updated.append(event.slug)
                    }
                } else {
                    try event.insert(db)
                    summary.added.append(event.slug)
                }
            }
            return summary
        }
    }

    /// Imports every `.ics` file of `directory` when the database has no events yet.
    public func importEventsIfEmpty(directory: URL) throws -> EventImportSummary? {
        let count = try reader.read { db in try Event.fetchCount(db) }
        guard count == 0 else { return nil }
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        let ics = files.filter { $0.pathExtension.lowercased() == "ics" }.sorted { $0.path < $1.path }
        guard !ics.isEmpty else { return nil }
        return try importEvents(files: ics)
    }

    // MARK: - Mapping a VEVENT

    /// Maps a VEVENT to an edition draft. `X-LANYARD-SLUG`, `-SERIES`, `-CITY` and `-TIMEZONE`
    /// win when present; otherwise they are derived from SUMMARY, LOCATION and DTSTART's TZID.
    static func draft(from vevent: ICalEvent, calendar: ICalendar, place: String) throws -> EventDraft {
        guard let summary = vevent.summary?.trimmingWhitespace(.whitespacesAndNewlines), !summary.isEmpty else {
            throw EventError.invalidCalendar(place: place, message: "VEVENT without SUMMARY (the edition's name)")
        }
        guard let start = vevent.start else {
            throw EventError.invalidCalendar(place: place, message: "VEVENT without DTSTART")
        }
        let zoneID = vevent.extensions["X-LANYARD-TIMEZONE"] ?? start.timeZoneID ?? calendar.timeZone ?? "UTC"
        let zone = TimeZone(identifier: zoneID) ?? TimeZone(identifier: "UTC")!
        func day(_ value: ICalDateTime) -> CalendarDay? {
            if value.isDateOnly { return CalendarDay(year: value.year, month: value.month, day: value.day) }
            return value.date(fallbackZone: zone).map { CalendarDay($0, in: zone) }
        }
        guard let startDay = day(start) else {
            throw EventError.invalidCalendar(place: place, message: "DTSTART: unknown time zone \"\(start.timeZoneID ?? "")\"")
        }
        var endDay = startDay
        if let end = vevent.end, let last = day(end) {
            // DTEND of an all-day event is exclusive: 20250916 ends on the 15th.
            endDay = end.isDateOnly ? last.adding(days: -1) : last
            if endDay < startDay { endDay = startDay }
        }
        let year = String(startDay.year)
        let words = summary.split(separator: " ")
        let seriesName = vevent.extensions["X-LANYARD-SERIES"]
            ?? words.filter { !($0.count == 4 && $0.allSatisfy(\.isNumber)) }.joined(separator: " ")
        var slug = vevent.extensions["X-LANYARD-SLUG"] ?? EventDraft.slugify(summary)
        if vevent.extensions["X-LANYARD-SLUG"] == nil, !words.contains(where: { $0 == year }) {
            slug += "-" + year
        }
        return EventDraft(
            slug: slug, name: summary, series: seriesName.isEmpty ? summary : seriesName,
            start: startDay.description, end: endDay.description,
            city: vevent.extensions["X-LANYARD-CITY"] ?? vevent.location.flatMap(city(fromLocation:)),
            timeZone: zoneID)
    }

    /// "Leeds Playhouse, Quarry Hill, Leeds LS2 7UP, United Kingdom" → "Leeds".
    static func city(fromLocation location: String) -> String? {
        let parts = location.split(separator: ",").map { $0.trimmingWhitespace(.whitespaces) }.filter { !$0.isEmpty }
        guard let candidate = parts.count >= 2 ? parts[parts.count - 2] : parts.first else { return nil }
        let words = candidate.split(separator: " ").filter { !$0.contains(where: \.isNumber) }
        let city = words.joined(separator: " ")
        return city.isEmpty ? nil : city
    }
}
