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
