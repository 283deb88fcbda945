import Foundation
import LanyardStore

/// A fresh database file in its own temporary folder, for one test.
struct TestDatabase {
    let folder: URL
    let database: AppDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-store-\(UUID().uuidString)")
        database = try AppDatabase.open(at: folder.appendingPathComponent("test.sqlite").path)
    }
}
