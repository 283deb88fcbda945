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
               let year = StoredDate.number(text, 0, 4), let month = StoredDate.number(text, 5, 2), let day = StoredDate.number(text, 8, 2),
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
           let date = StoredDate.parse(UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index)))) {
            return date
        }
        return try row.decode(Date.self, atIndex: Int(index))
    }

    /// The same, nil for NULL.
    func optionalDate(_ index: Int32) throws -> Date? {
        isNull(index) ? nil : try date(index)
    }
}
