import Foundation
import GRDB
import LanyardEvents
import LanyardStore
import LanyardTestSupport

/// A fresh SQLite file per test, with two editions of SwiftConf.
enum TestDatabase {
    static func make() throws -> AppDatabase {
        let dir = try TemporaryFolder.make("lanyard-events")
        let db = try AppDatabase.open(at: dir.appendingPathComponent("test.sqlite").path)
        try db.addEvent(EventDraft(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf", start: "2025-09-14", end: "2025-09-16", city: "Berlin", timeZone: "Europe/Berlin"))
        try db.addEvent(EventDraft(slug: "swiftconf-2026", name: "SwiftConf 2026", series: "swiftconf", start: "2026-09-13", end: "2026-09-15", city: "Berlin", timeZone: "Europe/Berlin"))
        return db
    }

    static let day2025 = ISO8601DateFormatter().date(from: "2025-09-14T10:00:00Z")!
    static let day2026 = ISO8601DateFormatter().date(from: "2026-09-13T11:00:00Z")!

    /// Counts rows of a table.
    static func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}
