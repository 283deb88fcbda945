import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A calendar date without a time (`2025-09-14`), as events have. Stored as ISO text.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, DatabaseValueConvertible, StatementColumnConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD` (ASCII digits, nothing around them), refusing impossible dates
    /// (2025-02-30) and any other shape.
    public init?(_ text: String) {
        var text = text
        guard let day = text.withUTF8({ Self.parse($0) }) else { return nil }
        self = day
    }

    /// The same on the UTF-8 bytes: exactly ten, `-` at 4 and 7, digits elsewhere. A check-in's
    /// plan decodes every event row it reads through here (`StatementColumnConvertible`).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDay? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = StoredDate.number(bytes, 0, 4), let m = StoredDate.number(bytes, 5, 2), let d = StoredDate.number(bytes, 8, 2)
        else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }

    /// Checks the day exists in that month (leap years included).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in `timeZone`.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    public var description: String { Self.text(year: year, month: month, day: day) }

    /// `YYYY-MM-DD`, zero-padded, without `String(format:)`: that goes through CoreFoundation's
    /// formatter, and a check-in's plan and answer, or a briefing, write the day many times.
    public static func text(year: Int, month: Int, day: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// Midnight at the start of this day in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The day `days` later (or earlier, when negative).
    public func adding(days: Int) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: days, to: start(in: calendar.timeZone))!
        return CalendarDay(date, in: calendar.timeZone)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date YYYY-MM-DD, got \"\(text)\"")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDay? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDay.init)
    }

    /// Read from the column's bytes, without making a String first; nil (a decoding error)
    /// for anything `init?(_:)` refuses, and, as `String` decodes, for anything but text or
    /// a blob.
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        let type = sqlite3_column_type(sqliteStatement, index)
        guard type == SQLITE_TEXT || type == SQLITE_BLOB,
              let text = sqlite3_column_text(sqliteStatement, index) else { return nil }
        let count = Int(sqlite3_column_bytes(sqliteStatement, index))
        guard let day = Self.parse(UnsafeBufferPointer(start: text, count: count)) else { return nil }
        self = day
    }
}
