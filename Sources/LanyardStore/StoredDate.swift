import Foundation
import GRDB

/// Dates as the database stores them: GRDB's text `yyyy-MM-dd HH:mm:ss.SSS` in UTC, written
/// and read here without `DateFormatter` or `Calendar`. GRDB formats every `Date` through a
/// DateFormatter, which loads ICU on first use (a few milliseconds and hundreds of page faults
/// in a short-lived `lanyard` process) and costs more per row than binding the rest of it.
/// Both directions give what GRDB gives, to the bit (tests compare them over random dates);
/// outside the years 1600–9999 they leave the work to GRDB.
public enum StoredDate {
    /// The stored form of `date`, the same as `date.databaseValue`.
    public static func value(of date: Date) -> DatabaseValue {
        text(of: date).databaseValue
    }

    /// The stored text of `date`, the same as GRDB writes.
    public static func text(of date: Date) -> String {
        // As CFDateFormatter hands the instant to ICU: milliseconds since 1970, plus a half,
        // then ICU takes the whole milliseconds (rounding down).
        let udate = (date.timeIntervalSinceReferenceDate + 978_307_200) * 1_000 + 0.5
        guard udate >= firstFastMillis, udate < endFastMillis else { return String.fromDatabaseValue(date.databaseValue) ?? "" }
        let millis = Int(udate.rounded(.down))
        let days = millis >= 0 ? millis / 86_400_000 : (millis - 86_399_999) / 86_400_000
        let inDay = millis - days * 86_400_000
        let (year, month, day) = CivilDays.date(days: days)
        var bytes = [UInt8](repeating: 0, count: 23)
        func put(_ value: Int, at offset: Int, digits: Int) {
            var value = value
            for i in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[i] = UInt8(0x30 + value % 10)
                value /= 10
            }
        }
        put(year, at: 0, digits: 4)
        put(month, at: 5, digits: 2)
        put(day, at: 8, digits: 2)
        put(inDay / 3_600_000, at: 11, digits: 2)
        put(inDay / 60_000 % 60, at: 14, digits: 2)
        put(inDay / 1_000 % 60, at: 17, digits: 2)
        put(inDay % 1_000, at: 20, digits: 3)
        bytes[4] = 0x2D; bytes[7] = 0x2D; bytes[10] = 0x20; bytes[13] = 0x3A; bytes[16] = 0x3A; bytes[19] = 0x2E
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 1600-01-01 and 10000-01-01 in milliseconds since 1970: the fast path's years.
    private static let firstFastMillis = Double(CivilDays.days(year: 1600, month: 1, day: 1)) * 86_400_000
    private static let endFastMillis = Double(CivilDays.days(year: 10_000, month: 1, day: 1)) * 86_400_000

    /// The date a database value holds, as GRDB's `Date.fromDatabaseValue` reads it: nil when
    /// it holds none.
    public static func date(_ value: DatabaseValue) -> Date? {
        if case .string(var text) = value.storage,
           let date = text.withUTF8({ parse($0) }) {
            return date
        }
        return Date.fromDatabaseValue(value)
    }

    /// The stored text `yyyy-MM-dd HH:mm:ss.SSS` as a date, or nil when the text has any other
    /// shape or a year before 1600 (GRDB then reads it: Foundation's calendar is Julian
    /// before 1582).
    public static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
        guard text.count == 23, text[4] == 0x2D, text[7] == 0x2D, text[10] == 0x20, text[13] == 0x3A, text[16] == 0x3A, text[19] == 0x2E else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? { Self.number(text, from, count) }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2), let milli = number(20, 3),
              year >= 1600, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60,
              let calendarDay = CalendarDay(year: year, month: month, day: day)
        else { return nil }
        let days = CivilDays.days(year: calendarDay.year, month: calendarDay.month, day: calendarDay.day) - 11_323 // 1970-01-01 → 2001-01-01
        // As Foundation's Calendar adds it up, for the same Double to the bit: the time of day with
        // its fraction first, then the whole days (adding the fraction last rounds differently for
        // about one date in 35,000).
        let timeOfDay = Double(hour * 3_600 + minute * 60 + second) + Double(milli) / 1_000
        return Date(timeIntervalSinceReferenceDate: Double(days * 86_400) + timeOfDay)
    }

    /// The decimal number in `count` ASCII digits from `from`, or nil when one is not a digit.
    public static func number(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<(from + count) {
            let digit = Int(text[i]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

extension Row {
    /// The column as a stored date (`StoredDate.date`); throws, as `decode` does, when it holds
    /// no date.
    public func storedDate(_ column: String) throws -> Date {
        let value: DatabaseValue = self[column]
        guard let date = StoredDate.date(value) else { return try decode(Date.self, forColumn: column) }
        return date
    }

    /// The same, nil for NULL.
    public func optionalStoredDate(_ column: String) throws -> Date? {
        let value: DatabaseValue = self[column]
        return value.isNull ? nil : try storedDate(column)
    }
}
