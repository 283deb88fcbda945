import Foundation
import GRDB
import LanyardStore
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The columns of the current row of a statement, read straight from SQLite: a briefing reads
/// thousands of rows, and decoding each column through `Row` subscripts (and dates through
/// `Calendar`) was most of its read time. The briefing's one use of the SQLite C API.
struct SQLiteColumns {
    private let row: Row
    private let statement: SQLiteStatement

    /// Runs `body` once per row of `sql` (a cached statement) with `arguments`.
    static func forEach(_ db: Database, _ sql: String, _ arguments: StatementArguments = [], _ body: (SQLiteColumns) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try cursor.next() {
            try body(SQLiteColumns(row: row, statement: statement.sqliteStatement))
        }
    }

    func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(statement, index)
    }

    func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(statement, index))
    }

    func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    /// The column as text ("" for NULL).
    func text(_ index: Int32) -> String {
        guard let bytes = sqlite3_column_text(statement, index) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }

    func optionalText(_ index: Int32) -> String? {
        isNull(index) ? nil : text(index)
    }

    /// The column as a day (`YYYY-MM-DD`), as `CalendarDay` decodes it (throwing when it is none).
    func day(_ index: Int32) throws -> CalendarDay {
        if sqlite3_column_type(statement, index) == SQLITE_TEXT, let bytes = sqlite3_column_text(statement, index) {
            let text = UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index)))
            if text.count == 10, text[4] == 0x2D, text[7] == 0x2D,
               let year = StoredDateText.number(text, 0, 4), let month = StoredDateText.number(text, 5, 2), let day = StoredDateText.number(text, 8, 2),
               let calendarDay = CalendarDay(year: year, month: month, day: day) {
                return calendarDay
            }
        }
        return try row.decode(CalendarDay.self, atIndex: Int(index))
    }

    /// The column as a date, as GRDB's `Date.fromDatabaseValue` reads it: the stored form
    /// `yyyy-MM-dd HH:mm:ss.SSS` (UTC) is parsed here, anything else by GRDB (which throws
    /// when it is no date).
    func date(_ index: Int32) throws -> Date {
        if sqlite3_column_type(statement, index) == SQLITE_TEXT, let bytes = sqlite3_column_text(statement, index),
           let date = StoredDateText.parse(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index)))) {
            return date
        }
        return try row.decode(Date.self, atIndex: Int(index))
    }

    /// The same, nil for NULL.
    func optionalDate(_ index: Int32) throws -> Date? {
        isNull(index) ? nil : try date(index)
    }
}

/// The text GRDB stores dates as, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, parsed without a Calendar
/// (years before 1600 are left to GRDB: Foundation's calendar is Julian before 1582).
enum StoredDateText {
    /// The date, or nil when the text has any other shape (GRDB then reads it).
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
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
    static func number(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var value = 0
        for i in from..<(from + count) {
            let digit = Int(text[i]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
