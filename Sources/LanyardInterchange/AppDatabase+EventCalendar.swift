import Foundation
import GRDB
import LanyardFormats
import LanyardStore

extension AppDatabase {
    /// Every edition as one iCalendar document that `importEvents` reads back to the same
    /// editions: all-day VEVENTs with X-LANYARD-SLUG, -SERIES, -CITY and -TIMEZONE.
    public func eventsCalendar() throws -> String {
        let events = try reader.read { db in try Event.all().chronological().fetchAll(db) }
        return ICalendarWriter.write(Self.calendar(of: events), productID: "-//Lanyard//Lanyard//EN")
    }

    /// The calendar of `events`, in their order.
    static func calendar(of events: [Event]) -> ICalendar {
        ICalendar(name: "Lanyard events", events: events.map(vevent(of:)))
    }

    /// One edition as an all-day VEVENT (DTEND is the day after the last day, as RFC 5545 wants).
    static func vevent(of event: Event) -> ICalEvent {
        var vevent = ICalEvent(line: 0)
        vevent.uid = event.uid ?? "\(event.slug)@lanyard.invalid"
        vevent.stamp = .utc(event.createdAt)
        vevent.summary = event.name
        vevent.start = ICalDateTime(year: event.startDate.year, month: event.startDate.month, day: event.startDate.day)
        let after = event.endDate.adding(days: 1)
        vevent.end = ICalDateTime(year: after.year, month: after.month, day: after.day)
        vevent.location = event.city
        vevent.extensions["X-LANYARD-SLUG"] = event.slug
        vevent.extensions["X-LANYARD-SERIES"] = event.series
        vevent.extensions["X-LANYARD-TIMEZONE"] = event.timeZone
        if let city = event.city { vevent.extensions["X-LANYARD-CITY"] = city }
        return vevent
    }
}
