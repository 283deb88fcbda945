import Foundation
import LanyardStore

/// The calendar day a meeting fell on in its event's time zone, without building a Calendar
/// per call (time zones are cached; the date arithmetic is done by hand).
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
        var days = Int((local / 86_400).rounded(.down))
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Noon of `day` in `timeZoneID`, as an instant.
    static func localNoon(of day: CalendarDay, timeZoneID: String) -> Date {
        // Days from civil (Howard Hinnant's algorithm), then noon UTC shifted by the zone's offset.
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let mp = day.month > 2 ? day.month - 3 : day.month + 9
        let dayOfYear = (153 * mp + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let noonUTC = Date(timeIntervalSince1970: Double(days) * 86_400 + 12 * 3600)
        let zone = zone(timeZoneID)
        let guess = noonUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: noonUTC)))
        return noonUTC.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess)))
    }
}
