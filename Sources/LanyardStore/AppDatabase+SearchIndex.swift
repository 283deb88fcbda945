import CSQLiteShim
import GRDB

extension AppDatabase {
    /// Runs `body` (many writes in the caller's transaction) with the person-search indexes
    /// (`personSearch` and `personCardSearch`) rebuilt once at the end for every person it
    /// touched, instead of after each write.
    /// Runs in a savepoint: when `body` throws, its writes, the deferral and the people
    /// noted for the rebuild are all rolled back. Nested calls defer to the outermost one.
    ///
    /// `savepoint` false, for a caller whose error rolls the whole transaction back (an
    /// import): a savepoint journals every page that existed before it and that `body`
    /// changes. On disk, that is a write per page (346,000 for a 30,000-row import); in memory
    /// (`temp_store`), SQLite cuts the journal back at the end of every statement by walking
    /// it from its start, so an import into a large book slowed as it went. Without one, a
    /// throwing `body` ends the deferral (the noted people rebuilt) before the error goes on,
    /// so the indexes never stay deferred.
    public static func deferringSearchIndex<T>(_ db: Database, savepoint: Bool = true, _ body: () throws -> T) throws -> T {
        let alreadyDeferring = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM personSearch_deferring)")) ?? false
        if alreadyDeferring { return try body() }
        guard savepoint else {
            try db.cachedStatement(sql: "INSERT INTO personSearch_deferring (id) VALUES (1)").execute()
            let result: T
            do {
                result = try body()
            } catch {
                try? db.cachedStatement(sql: "DELETE FROM personSearch_deferring").execute()
                throw error
            }
            try db.cachedStatement(sql: "DELETE FROM personSearch_deferring").execute()
            return result
        }
        var result: T?
        try db.inSavepoint {
            // Cached statements: preparing the DELETE compiles the rebuild trigger, which costs
            // more than a check-in's own writes.
            try db.cachedStatement(sql: "INSERT INTO personSearch_deferring (id) VALUES (1)").execute()
            result = try body()
            // The delete trigger rebuilds every pending person and empties the list.
            try db.cachedStatement(sql: "DELETE FROM personSearch_deferring").execute()
            return .commit
        }
        return result!
    }
}

extension AppDatabase {
    /// Runs `body` (a bulk write in the caller's transaction, whose error rolls the whole
    /// transaction back) with the connection's triggers off, then rebuilds the search rows
    /// (`personSearch` and `personCardSearch`) of the people `body` names as touched, once.
    /// `body` must name every person whose row, notes, facts, tags or meetings it wrote: no
    /// trigger notes them. It must not delete people or events, whose delete triggers it would skip.
    ///
    /// What it saves over `deferringSearchIndex`: each insert into a table with search triggers
    /// runs their WHEN tests and the deferred one's insert, and holds a statement journal and
    /// the search tables' savepoints while it runs (BENCHMARKS.md, round 14). The triggers are on
    /// again before this returns or throws; statements compiled without them are recompiled.
    public static func bypassingSearchTriggers<T>(_ db: Database, _ body: () throws -> (result: T, touched: Set<Int64>)) throws -> T {
        // The deferral's end rebuilds the people noted here (and ends it when `body` throws).
        try deferringSearchIndex(db, savepoint: false) {
            let outcome = try withTriggers(off: db, body)
            let note = try db.cachedStatement(sql: "INSERT OR IGNORE INTO personSearch_pending (personId) VALUES (?)")
            for id in outcome.touched.sorted() { try note.execute(arguments: [id]) }
            return outcome.result
        }
    }

    /// Runs `body` with the connection's triggers off (`SQLITE_DBCONFIG_ENABLE_TRIGGER`), and
    /// turns them on again whatever happens.
    static func withTriggers<T>(off db: Database, _ body: () throws -> T) throws -> T {
        try setTriggers(enabled: false, db)
        let result: T
        do {
            result = try body()
        } catch {
            try? setTriggers(enabled: true, db)
            throw error
        }
        try setTriggers(enabled: true, db)
        return result
    }

    private static func setTriggers(enabled: Bool, _ db: Database) throws {
        var now: Int32 = -1
        let code = ResultCode(rawValue: lanyard_sqlite_enable_triggers(UnsafeMutableRawPointer(db.sqliteConnection), enabled ? 1 : 0, &now))
        guard code == .SQLITE_OK, now == (enabled ? 1 : 0) else {
            throw DatabaseError(resultCode: code == .SQLITE_OK ? .SQLITE_ERROR : code,
                                message: "could not turn the connection's triggers \(enabled ? "on" : "off")")
        }
    }
}
