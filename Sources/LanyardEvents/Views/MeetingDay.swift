import Foundation
import LanyardStore

/// The calendar day a meeting fell on in its event's time zone, without building a Calendar
/// per call (time zones are cached; the date arithmetic is CivilDays').
enum MeetingDay {
    private final class ZoneCache: @unchecked Sendable {
        let lock = NSLock()
        var zones: [String: TimeZone] = [:]
    }

    private static let cache = ZoneCache()

    static func zone(_ identifier: String) -> TimeZone {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if let zone = cache.zones[identifier] { return zone }
        let zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
        cache.zones[identifier] = zone
        return zone
    }

    /// `2025-09-14` for a meeting at that local day in `timeZoneID`.
    static func string(for date: Date, timeZoneID: String) -> String {
        let local = date.timeIntervalSince1970 + Double(zone(timeZoneID).secondsFromGMT(for: date))
        let (year, month, day) = CivilDays.date(days: Int((local / 86_400).rounded(.down)))
        return CalendarDay.text(year: year, month: month, day: day)
    }

    /// Noon of `day` in `timeZoneID`, as an instant.
    static func localNoon(of day: CalendarDay, timeZoneID: String) -> Date {
        // Noon UTC of the day, shifted by the zone's offset.
        let days = CivilDays.days(year: day.year, month: day.month, day: day.day)
        let noonUTC = Date(timeIntervalSince1970: Double(days) * 86_400 + 12 * 3600)
        let zone = zone(timeZoneID)
        let guess = noonUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: noonUTC)))
        return noonUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
    }
}
