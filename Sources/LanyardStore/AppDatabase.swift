import Foundation
import GRDB
import Logging

/// The one type that owns Lanyard's SQLite database: it opens it, migrates it, and is extended
/// by each module with intention-named reads and writes (`checkIn`, `merge`, `addNote`, ...).
public struct AppDatabase: Sendable {
    /// The connection(s): a `DatabasePool` (WAL) in production, the same in tests on a temp file.
    public let writer: any DatabaseWriter

    /// Wraps `writer` and runs every pending migration.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// The read-only access, for queries that never write.
    public var reader: any DatabaseReader { writer }

    /// A write transaction whose statement journals stay in memory (`temp_store = MEMORY` for
    /// its length only), for a bulk write such as an import. Every statement that fires
    /// triggers inside a transaction keeps a journal; once one outgrew SQLite's 64 KiB
    /// in-memory start, every later one of the transaction went to a file in /var/tmp:
    /// 170,000 pwrite calls for 30,000 LinkedIn rows. Other writes keep the default: with
    /// in-memory journals the server's peak RSS under check-in load rose by 8 MiB.
    public func writeWithJournalsInMemory<T>(_ updates: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            // SQLite refuses to change temp_store inside a transaction: set around it.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
            var result: T?
            try db.inTransaction {
                result = try updates(db)
                return .commit
            }
            return result!
        }
    }

    /// Opens (creating when needed) the database file at `path`: folder 0700, file 0600,
    /// WAL, foreign keys on, a busy timeout so the CLI and a running server can both write.
    public static func open(at path: String, logger: Logger? = nil) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        try StoreLocation.prepareFile(at: url)
        let pool = try DatabasePool(path: url.path, configuration: makeConfiguration(logger: logger))
        return try AppDatabase(pool)
    }

    /// The configuration every connection shares.
    public static func makeConfiguration(logger: Logger? = nil) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another process (the CLI while the server runs, or four CLIs at once) may hold the
        // write lock; wait for it rather than failing with "database is locked".
        config.busyMode = .timeout(30)
        config.label = "lanyard"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // No checkpoint on the commit path: see `WALCheckpointer`.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        }
        if let logger, logger.logLevel <= .trace {
            config.prepareDatabase { db in
                db.trace { logger.trace("sql", metadata: ["statement": "\($0)"]) }
            }
        }
        return config
    }
}
