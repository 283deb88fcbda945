import Foundation
import GRDB

extension AppDatabase {
    /// "Last in touch" for each person: the latest of their meetings, notes and sent emails.
    /// People with none of these are absent from the result. The one rule both the profile and
    /// the briefing use.
    public static func lastInTouch(personIds: [Int64], in db: Database) throws -> [Int64: Date] {
        guard !personIds.isEmpty else { return [:] }
        var result: [Int64: Date] = [:]
        // Chunk to stay under SQLite's bound-parameter limit.
        for chunk in stride(from: 0, to: personIds.count, by: 500).map({ Array(personIds[$0..<min($0 + 500, personIds.count)]) }) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT personId, MAX(t) AS last FROM (
                    SELECT personId, at AS t FROM meeting WHERE personId IN \(placeholders(chunk.count))
                    UNION ALL
                    SELECT personId, createdAt AS t FROM note WHERE personId IN \(placeholders(chunk.count))
                    UNION ALL
                    SELECT personId, sentAt AS t FROM followUp WHERE state = 'sent' AND personId IN \(placeholders(chunk.count))
                ) GROUP BY personId
                """, arguments: StatementArguments(chunk + chunk + chunk))
            for row in rows {
                if let id: Int64 = row["personId"], let last: Date = row["last"] { result[id] = last }
            }
        }
        return result
    }

    /// "Last in touch" for one person, or nil when there was never any contact.
    public func lastInTouch(personId: Int64) throws -> Date? {
        try reader.read { db in try Self.lastInTouch(personIds: [personId], in: db)[personId] }
    }

    private static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
