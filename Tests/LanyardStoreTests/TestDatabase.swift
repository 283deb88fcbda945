import Foundation
import LanyardStore
import LanyardTestSupport

/// A fresh database file in its own temporary folder (removed when the tests exit), for one test.
struct TestDatabase {
    let folder: URL
    let database: AppDatabase

    init() throws {
        folder = try TemporaryFolder.make("lanyard-store")
        database = try AppDatabase.open(at: folder.appendingPathComponent("test.sqlite").path)
    }
}
