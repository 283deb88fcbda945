import Foundation
import GRDB
import LanyardStore
import Testing

/// Commits leave the log to the checkpointer; the checkpointer copies it back into the file.
@Suite("WAL checkpointer")
struct WALCheckpointerTests {
    @Test("Writes stay in the log until the checkpointer copies them, and nothing is lost")
    func checkpoint() throws {
        // Given a database with enough committed writes to pass SQLite's default 1,000-page mark
        let test = try TestDatabase()
        let day = CalendarDay(year: 2026, month: 9, day: 13)!
        for i in 0..<300 {
            try test.database.writer.write { db in
                var event = Event(slug: "e-\(i)", name: String(repeating: "Edition \(i) ", count: 60), series: "s",
                                  startDate: day, endDate: day)
                try event.insert(db)
            }
        }
        let walPath = test.database.writer.path + "-wal"
        let before = try FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int ?? 0
        #expect(before > 1_000 * 4_096, "no automatic checkpoint shrank the log")

        // When the checkpointer runs
        let checkpointer = try WALCheckpointer(test.database)
        let result = try checkpointer.checkpoint()

        // Then every frame is in the database file, and a fresh connection reads every row
        #expect(result.logFrames > 0)
        #expect(result.checkpointed == result.logFrames)
        let copy = try DatabaseQueue(path: test.database.writer.path)
        #expect(try copy.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") } == 300)
    }
}
