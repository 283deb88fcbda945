import Foundation
import GRDB
import LanyardInterchange
import LanyardStore
import Testing

@Suite("JSON backup")
struct BackupTests {
    @Test("a JSON export restores to an identical database: every table, every column, the counters")
    func roundTrip() throws {
        // Given a database holding one of everything
        let source = try TestDatabase()
        defer { source.cleanUp() }
        try source.populate()
        // When it is exported to JSON text and restored into a new database
        let data = try source.database.exportBackup().encoded()
        let target = try TestDatabase()
        defer { target.cleanUp() }
        let restored = try target.database.restore(try Backup.decode(data))
        // Then every table is identical, sqlite_sequence included
        let before = try source.dump()
        let after = try target.dump()
        #expect(before.keys.sorted() == after.keys.sorted())
        for table in before.keys.sorted() {
            #expect(before[table] == after[table], "table \(table) differs")
        }
        #expect(before["sqlite_sequence"]?.isEmpty == false)
        #expect(restored["person"] == 2)
        #expect(restored["fact"] == 2)
        // And exporting the restored database gives the same document (export time aside)
        var again = try target.database.exportBackup(now: Date(timeIntervalSince1970: 0))
        let first = try Backup.decode(data)
        again.exportedAt = first.exportedAt
        #expect(again == first)
    }

    @Test("the document is versioned, snake_case, with ISO 8601 timestamps and base64 blobs")
    func documentShape() throws {
        let source = try TestDatabase()
        defer { source.cleanUp() }
        try source.populate()
        let text = String(decoding: try source.database.exportBackup().encoded(), as: UTF8.self)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "lanyard-backup")
        #expect(json["version"] as? Int == 1)
        let tables = try #require(json["tables"] as? [String: Any])
        #expect(Set(tables.keys).isSuperset(of: ["person", "person_email", "person_phone", "person_key", "event", "meeting", "note", "fact", "tag", "follow_up", "merge_record"]))
        let person = try #require((tables["person"] as? [[String: Any]])?.first)
        #expect(person["linkedin_url"] as? String == "https://www.linkedin.com/in/ada")
        #expect(person["sort_name"] as? String == "Lovelace, Ada")
        let created = try #require(person["created_at"] as? String)
        #expect(created.hasPrefix("2025-09-14T09:00:00.12") && created.hasSuffix("Z"))
        let followUp = try #require((tables["follow_up"] as? [[String: Any]])?.first)
        #expect(followUp["message"] as? String == Data([0x00, 0xFF, 0x0D, 0x0A, 0x41]).base64EncodedString())
        let event = try #require((tables["event"] as? [[String: Any]])?.first)
        #expect(event["start_date"] as? String == "2025-09-14")
    }

    @Test("a database that holds data is refused, and nothing changes")
    func refusesNonEmpty() throws {
        let source = try TestDatabase()
        defer { source.cleanUp() }
        try source.populate()
        let backup = try source.database.exportBackup()
        // When the backup is restored into the database it came from
        let error = try #require(throws: InterchangeError.self) { try source.database.restore(backup) }
        // Then it is refused by name, with what to do
        guard case .databaseNotEmpty = error else { Issue.record("unexpected \(error)"); return }
        #expect(error.description.contains("--db"))
    }

    @Test("a bad record stops the restore with its table and number, and nothing is stored")
    func badRecord() throws {
        let source = try TestDatabase()
        defer { source.cleanUp() }
        try source.populate()
        var backup = try source.database.exportBackup()
        // Given a note whose body is empty (the schema refuses it)
        backup.tables["note"]![0]["body"] = .text("  ")
        let target = try TestDatabase()
        defer { target.cleanUp() }
        let error = try #require(throws: InterchangeError.self) { try target.database.restore(backup) }
        #expect(error.description.hasPrefix("note #1:"))
        // Then the target is still empty
        let count = try target.database.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") }
        #expect(count == 0)
    }

    @Test("a meeting pointing at a missing person is refused at commit, naming it")
    func danglingReference() throws {
        let source = try TestDatabase()
        defer { source.cleanUp() }
        try source.populate()
        var backup = try source.database.exportBackup()
        backup.tables["meeting"]![0]["person_id"] = .integer(4242)
        let target = try TestDatabase()
        defer { target.cleanUp() }
        let error = try #require(throws: InterchangeError.self) { try target.database.restore(backup) }
        #expect(error.description.contains("meeting"))
        #expect(error.description.contains("missing person"))
    }

    @Test("other JSON, another format version, unknown fields are refused with a reason")
    func unsupported() throws {
        #expect(throws: InterchangeError.self) { try Backup.decode(Data("[1, 2]".utf8)) }
        #expect(throws: InterchangeError.self) { try Backup.decode(Data(#"{"format": "something-else", "version": 1}"#.utf8)) }
        let newer = try #require(throws: InterchangeError.self) { try Backup.decode(Data(#"{"format": "lanyard-backup", "version": 99}"#.utf8)) }
        #expect(newer.description.contains("version 99"))
        let target = try TestDatabase()
        defer { target.cleanUp() }
        var backup = Backup(exportedAt: Date(), migrations: [], sequences: [:], tables: ["person": [["shoe_size": .integer(44)]]])
        #expect(throws: InterchangeError.self) { try target.database.restore(backup) }
        backup = Backup(exportedAt: Date(), migrations: ["v99-from-the-future"], sequences: [:], tables: [:])
        let future = try #require(throws: InterchangeError.self) { try target.database.restore(backup) }
        #expect(future.description.contains("newer Lanyard"))
    }
}
