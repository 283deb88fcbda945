import GRDB

extension AppDatabase {
    /// Runs `body` (many writes in the caller's transaction) with the person-search indexes
    /// (`personSearch` and `personCardSearch`) rebuilt once at the end for every person it
    /// touched, instead of after each write.
    /// Runs in a savepoint: when `body` throws, its writes, the deferral and the people
    /// noted for the rebuild are all rolled back. Nested calls defer to the outermost one.
    public static func deferringSearchIndex<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let alreadyDeferring = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM personSearch_deferring)")) ?? false
        if alreadyDeferring { return try body() }
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
