import Foundation

/// A DATE or DATE-TIME value, with its time zone (resolved from TZID) or UTC marker.
public struct ICalDateTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour, minute, second for a DATE-TIME; nil for a DATE.
    public var time: (hour: Int, minute: Int, second: Int)?
    /// True for a `...Z` value.
    public var isUTC: Bool
    /// The IANA time zone of a zoned DATE-TIME: the TZID parameter, or what the reader resolved
    /// it to (a vendor-prefixed TZID, a VTIMEZONE's location or fixed offset).
    public var timeZoneID: String?

    public var isDateOnly: Bool { time == nil }

    public init(year: Int, month: Int, day: Int, time: (hour: Int, minute: Int, second: Int)? = nil, isUTC: Bool = false, timeZoneID: String? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.time = time
        self.isUTC = isUTC
        self.timeZoneID = timeZoneID
    }

    public static func == (lhs: ICalDateTime, rhs: ICalDateTime) -> Bool {
        lhs.year == rhs.year && lhs.month == rhs.month && lhs.day == rhs.day
            && lhs.time?.hour == rhs.time?.hour && lhs.time?.minute == rhs.time?.minute
            && lhs.time?.second == rhs.time?.second && lhs.isUTC == rhs.isUTC && lhs.timeZoneID == rhs.timeZoneID
    }

    /// Parses `20250914`, `20250914T090000`, `20250914T090000Z`; nil for anything else,
    /// impossible days (20250230) and times (250000) included.
    public static func parse(_ text: String, timeZoneID: String?) -> ICalDateTime? {
        let chars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for c in chars[range] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count == 8 || chars.count == 15 || chars.count == 16,
              let y = number(0..<4), let m = number(4..<6), let d = number(6..<8),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y)
        else { return nil }
        if chars.count == 8 {
            return ICalDateTime(year: y, month: m, day: d, time: nil, isUTC: false, timeZoneID: timeZoneID)
        }
        guard chars[8] == UInt8(ascii: "T"),
              let h = number(9..<11), let mi = number(11..<13), let s = number(13..<15),
              h < 24, mi < 60, s <= 60
        else { return nil }
        let utc = chars.count == 16
        if utc, chars[15] != UInt8(ascii: "Z") { return nil }
        return ICalDateTime(year: y, month: m, day: d, time: (h, mi, s), isUTC: utc, timeZoneID: utc ? nil : timeZoneID)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// The value as iCalendar writes it: `20250914`, `20250914T090000`, `20250914T090000Z`.
    public var text: String {
        let date = String(format: "%04d%02d%02d", year, month, day)
        guard let time else { return date }
        return date + String(format: "T%02d%02d%02d", time.hour, time.minute, time.second) + (isUTC ? "Z" : "")
    }

    /// The UTC DATE-TIME of `date` (what DTSTAMP needs).
    public static func utc(_ date: Date) -> ICalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return ICalDateTime(year: c.year!, month: c.month!, day: c.day!, time: (c.hour!, c.minute!, c.second!), isUTC: true)
    }

    /// The instant, resolving the time zone (or `fallbackZone`, else UTC) for floating and zoned times.
    public func date(fallbackZone: TimeZone? = nil) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        let zone: TimeZone? = isUTC ? TimeZone(identifier: "UTC")
            : timeZoneID.flatMap(TimeZone.init(identifier:)) ?? fallbackZone ?? TimeZone(identifier: "UTC")
        guard let zone else { return nil }
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(
            year: year, month: month, day: day,
            hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0))
    }
}
