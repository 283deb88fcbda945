import Foundation
import GRDB

/// Dates as the database stores them (`date.databaseValue`), with the last one remembered: a
/// bulk write (an import) stores one date in thousands of rows, and formatting it through
/// DateFormatter costs more than binding the rest of the row.
public enum StoredDate {
    /// The stored form of `date`, the same as `date.databaseValue`.
    public static func value(of date: Date) -> DatabaseValue {
        cache.value(of: date)
    }

    private static let cache = Cache()

    /// The last date formatted, behind a lock (any thread may write).
    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var last: (date: Date, value: DatabaseValue)?

        func value(of date: Date) -> DatabaseValue {
            lock.lock()
            defer { lock.unlock() }
            if let last, last.date == date { return last.value }
            let value = date.databaseValue
            last = (date, value)
            return value
        }
    }
}
