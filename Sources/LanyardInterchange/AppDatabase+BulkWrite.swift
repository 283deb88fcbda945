import GRDB
import LanyardStore

extension AppDatabase {
    /// The page cache a bulk write may grow to (KiB): enough for every page a large import
    /// touches, so none is written twice.
    static let bulkCacheKiB = 256 * 1024

    /// Runs `body` in one transaction, as `writer.write` does, with two connection settings
    /// changed for the duration and put back after the commit:
    /// - temporary files in memory: every statement that fires a trigger (a person, note or
    ///   tag insert, through the search-index triggers) opens a statement journal, which copies
    ///   each page the statement changes; on disk that was two `pwrite`s per page, 350,000
    ///   system calls (1.4 GB) for 30,000 contacts;
    /// - a page cache large enough for every page a large import touches, so that none is
    ///   spilled to the WAL and written again before the commit (SQLite's default is 2 MiB).
    ///   The cache only takes what the pages need.
    func bulkWrite<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
            try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKiB); PRAGMA temp_store = MEMORY")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA temp_store = \(tempStore)") }
            var result: T?
            try db.inTransaction {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }
}
