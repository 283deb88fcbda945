import Foundation
import GRDB
import LanyardStore

/// A fresh database file in its own temporary folder, removed by `cleanUp()`.
struct TestDatabase {
    let folder: URL
    let database: AppDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-interchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try AppDatabase.open(at: folder.appendingPathComponent("test.sqlite").path)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// People, contacts, events, meetings, notes, facts with history, tags, a follow-up with its
    /// frozen message, a merge record: one of everything a backup must carry.
    func populate() throws {
        let t0 = Date(timeIntervalSince1970: 1_757_840_400.123)
        try database.writer.write { db in
            var ada = Person(name: "Ada Lovelace", sortName: "Lovelace, Ada", normalizedName: "ada lovelace", company: "Analytical Engines",
                             title: "Chief", linkedinURL: "https://www.linkedin.com/in/ada", linkedinKey: "linkedin.com/in/ada", createdAt: t0, updatedAt: t0)
            try ada.insert(db)
            var grace = Person(name: "Grace Hopper", sortName: "Hopper, Grace", normalizedName: "grace hopper", createdAt: t0, updatedAt: t0)
            try grace.insert(db)
            var gone = Person(name: "Gone Person", sortName: "Person, Gone", normalizedName: "gone person", createdAt: t0, updatedAt: t0)
            try gone.insert(db)
            try gone.delete(db) // leaves a gap in ids and a higher AUTOINCREMENT counter
            var email = PersonEmail(personId: ada.id!, email: "Ada@Example.org", normalized: "ada@example.org", label: "work", createdAt: t0)
            try email.insert(db)
            var phone = PersonPhone(personId: ada.id!, phone: "+44 20 7946 0000", normalized: "442079460000", label: "cell", createdAt: t0)
            try phone.insert(db)
            try PersonKey(kind: "token", key: "lovelace", personId: ada.id!).insert(db)
            try PersonKey(kind: "first", key: "ada", personId: ada.id!).insert(db)
            var event = Event(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf",
                              startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-15")!, city: "Berlin",
                              timeZone: "Europe/Berlin", uid: "swiftconf-2025@example.org", createdAt: t0)
            try event.insert(db)
            var meeting = Meeting(personId: ada.id!, eventId: event.id!, at: t0.addingTimeInterval(3600), booth: "B12", context: "after the keynote", createdAt: t0)
            try meeting.insert(db)
            var note = Note(personId: ada.id!, meetingId: meeting.id, body: "Wants the slides; \"quoted\"\nand a second line – ünïcödé", createdAt: t0, updatedAt: t0)
            try note.insert(db)
            var old = Fact(personId: ada.id!, key: "family", value: "one daughter", learnedAt: t0, supersededAt: t0.addingTimeInterval(86400))
            try old.insert(db)
            var current = Fact(personId: ada.id!, meetingId: meeting.id, key: "family", value: "twin daughters", learnedAt: t0.addingTimeInterval(86400))
            try current.insert(db)
            try Tag(personId: ada.id!, tag: "investor", createdAt: t0).insert(db)
            try Tag(personId: grace.id!, tag: "swift-community", createdAt: t0).insert(db)
            var followUp = FollowUp(personId: ada.id!, eventId: event.id!, meetingId: meeting.id, state: .sent, toAddress: "ada@example.org",
                                    subject: "Great to meet you", body: "Hi Ada,\n…", template: "default", dueAt: t0, messageId: "<1@lanyard>",
                                    message: Data([0x00, 0xFF, 0x0D, 0x0A, 0x41]), attempts: 1, lastReply: 250, sentAt: t0, createdAt: t0, updatedAt: t0)
            try followUp.insert(db)
            var merge = MergeRecord(keptPersonId: ada.id!, mergedPersonId: 99, snapshot: #"{"person":{"id":99}}"#, createdAt: t0)
            try merge.insert(db)
        }
    }

    /// Every table's rows (all columns, primary-key order) and SQLite's AUTOINCREMENT counters.
    func dump() throws -> [String: [[DatabaseValue]]] {
        try database.reader.read { db in
            var result: [String: [[DatabaseValue]]] = [:]
            // Full-text indexes are rebuilt by their triggers on restore: their content (the virtual
            // table) is compared, their shadow tables' internal layout is not.
            let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
            let virtual = rows.filter { ($0["sql"] as String? ?? "").uppercased().hasPrefix("CREATE VIRTUAL TABLE") }.map { $0["name"] as String }
            let tables = rows.map { $0["name"] as String }.filter { name in
                !virtual.contains(where: { name.hasPrefix($0 + "_") })
            }
            for table in tables {
                let width = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").count
                let order = (1...width).map(String.init).joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order)")
                result[table] = rows.map { row in row.databaseValues.map { $0 } }
            }
            return result
        }
    }
}
