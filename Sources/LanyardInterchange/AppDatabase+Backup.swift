import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    // MARK: - JSON export and restore

    /// Everything in the database as a `Backup`, read in one snapshot.
    public func exportBackup(now: Date = Date()) throws -> Backup {
        try reader.read { db in
            var tables: [String: [[String: BackupValue]]] = [:]
            for table in try Self.backupTables(db) {
                let columns = try Self.columns(of: table, in: db)
                let order = columns.filter { $0.primaryKeyIndex > 0 }.sorted { $0.primaryKeyIndex < $1.primaryKeyIndex }
                    .map { $0.name.quotedDatabaseIdentifier }.joined(separator: ", ")
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order.isEmpty ? "rowid" : order)")
                var out: [[String: BackupValue]] = []
                while let row = try rows.next() {
                    var object: [String: BackupValue] = [:]
                    for column in columns {
                        object[BackupNames.snakeCase(column.name)] = BackupNames.backupValue(row[column.name] as DatabaseValue, column: column)
                    }
                    out.append(object)
                }
                tables[BackupNames.snakeCase(table)] = out
            }
            var sequences: [String: Int64] = [:]
            if try db.tableExists("sqlite_sequence") {
                for row in try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence") {
                    sequences[BackupNames.snakeCase(row["name"])] = row["seq"]
                }
            }
            return Backup(exportedAt: now, migrations: try Self.appliedMigrations(db), sequences: sequences, tables: tables)
        }
    }

    /// Restores `backup` into this database, which must be empty, in one transaction: a record
    /// that does not fit stops it with its table and number, and nothing is stored. Returns the
    /// number of rows restored per table.
    @discardableResult
    public func restore(_ backup: Backup, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> [String: Int] {
        guard backup.format == Backup.formatName, backup.version <= Backup.currentVersion else {
            throw InterchangeError.unsupportedBackup("format \(backup.format) version \(backup.version)")
        }
        return try writeWithJournalsInMemory { db in
            let known = try Self.appliedMigrations(db)
            if let newer = backup.migrations.first(where: { !known.contains($0) }) {
                throw InterchangeError.unsupportedBackup("it was made by a newer Lanyard (schema step \"\(newer)\" is unknown here); upgrade Lanyard first")
            }
            let tables = try Self.backupTables(db)
            for table in tables {
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0
                if count > 0 { throw InterchangeError.databaseNotEmpty(table: table, rows: count) }
            }
            let byName = Dictionary(uniqueKeysWithValues: tables.map { (BackupNames.snakeCase($0), $0) })
            for name in backup.tables.keys where byName[name] == nil {
                throw InterchangeError.invalidRecord(place: "table \(name)", message: "no such table in this database (made by another version of Lanyard?)")
            }
            // Rows reference each other across tables: check foreign keys once, at commit.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            let total = backup.rowCount
            var done = 0
            var restored: [String: Int] = [:]
            for name in backup.tables.keys.sorted() {
                let table = byName[name]!
                let columns = try Self.columns(of: table, in: db)
                let bySnake = Dictionary(uniqueKeysWithValues: columns.map { (BackupNames.snakeCase($0.name), $0) })
                for (index, object) in backup.tables[name]!.enumerated() {
                    let place = "\(name) #\(index + 1)"
                    var names: [String] = []
                    var values: [DatabaseValue] = []
                    for key in object.keys.sorted() {
                        guard let column = bySnake[key] else {
                            throw InterchangeError.invalidRecord(place: place, message: "unknown field \"\(key)\"")
                        }
                        names.append(column.name.quotedDatabaseIdentifier)
                        values.append(try BackupNames.databaseValue(object[key]!, column: column, place: place))
                    }
                    let sql = "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))"
                    do {
                        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
                    } catch let error as DatabaseError {
                        throw InterchangeError.invalidRecord(place: place, message: error.message ?? error.description)
                    }
                    done += 1
                    if done % 500 == 0 || done == total { progress?(done, total) }
                }
                restored[name] = backup.tables[name]!.count
            }
            for (name, seq) in backup.sequences {
                guard let table = byName[name] else { continue }
                try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table])
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, seq])
            }
            if let violation = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                let table: String = violation[0]
                let rowid: Int64? = violation[1]
                let parent: String = violation[2]
                throw InterchangeError.invalidRecord(place: "\(BackupNames.snakeCase(table)) rowid \(rowid.map(String.init) ?? "?")", message: "refers to a missing \(BackupNames.snakeCase(parent))")
            }
            return restored
        }
    }

    // MARK: - Online backup

    /// Copies the database to `path` with SQLite's online backup, from one read snapshot, so
    /// the copy is consistent while a server writes. The copy appears only when complete
    /// (written beside it, then renamed) and is readable by the owner only.
    public func backup(toFile path: String, overwrite: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path), !overwrite { throw InterchangeError.destinationExists(path: url.path) }
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        try? fm.removeItem(at: partial)
        do {
            try StoreLocation.prepareFile(at: partial)
            let destination = try DatabaseQueue(path: partial.path)
            try writer.backup(to: destination)
            try destination.close()
            if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
            try fm.moveItem(at: partial, to: url)
        } catch let error as InterchangeError {
            try? fm.removeItem(at: partial)
            throw error
        } catch let error as StoreError {
            try? fm.removeItem(at: partial)
            throw error
        } catch {
            try? fm.removeItem(at: partial)
            throw InterchangeError.file(path: url.path, reason: "cannot write the backup: \(error.localizedDescription)")
        }
    }

    // MARK: - Schema introspection

    /// A column as `PRAGMA table_info` describes it.
    struct BackupColumn {
        var name: String
        var type: String
        var primaryKeyIndex: Int
    }

    /// The tables a backup holds: every table but SQLite's, GRDB's, virtual tables (full-text
    /// indexes) and their shadow tables.
    static func backupTables(_ db: Database) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        let all: [(name: String, sql: String)] = rows.map { ($0["name"], $0["sql"] ?? "") }
        let virtual = all.filter { $0.sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") }.map(\.name)
        return all.map(\.name).filter { name in
            !name.hasPrefix("sqlite_") && !name.hasPrefix("grdb_") && !virtual.contains(name)
                && !virtual.contains(where: { name.hasPrefix($0 + "_") })
        }
    }

    static func columns(of table: String, in db: Database) throws -> [BackupColumn] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))").map {
            BackupColumn(name: $0["name"], type: ($0["type"] as String? ?? "").uppercased(), primaryKeyIndex: $0["pk"])
        }
    }

    static func appliedMigrations(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
    }
}

/// Naming and value conversions between database rows and backup objects.
enum BackupNames {
    /// `linkedinURL` → `linkedin_url`, `personEmail` → `person_email`.
    static func snakeCase(_ name: String) -> String {
        let chars = Array(name)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = chars[i - 1]
                let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out.append("_") }
            }
            out += c.lowercased()
        }
        return out
    }

    /// GRDB stores dates as `2025-09-14 09:00:00.000` (UTC); backups show ISO 8601.
    static func backupValue(_ value: DatabaseValue, column: AppDatabase.BackupColumn) -> BackupValue {
        switch value.storage {
        case .null: return .null
        case let .int64(v): return .integer(v)
        case let .double(v): return .real(v)
        case let .blob(data): return .text(data.base64EncodedString())
        case let .string(text):
            if column.type.hasPrefix("DATETIME"), isStoredTimestamp(text) {
                return .text(text.replacingOccurrences(of: " ", with: "T") + "Z")
            }
            return .text(text)
        }
    }

    static func databaseValue(_ value: BackupValue, column: AppDatabase.BackupColumn, place: String) throws -> DatabaseValue {
        switch value {
        case .null: return .null
        case let .integer(v): return v.databaseValue
        case let .real(v): return v.databaseValue
        case let .text(text):
            if column.type.hasPrefix("BLOB") {
                guard let data = Data(base64Encoded: text) else {
                    throw InterchangeError.invalidRecord(place: place, message: "\(snakeCase(column.name)) is not base64")
                }
                return data.databaseValue
            }
            if column.type.hasPrefix("DATETIME"), text.hasSuffix("Z"), text.count > 2 {
                let stored = String(text.dropLast()).replacingOccurrences(of: "T", with: " ")
                if isStoredTimestamp(stored) { return stored.databaseValue }
            }
            return text.databaseValue
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` with optional `.fff`.
    static func isStoredTimestamp(_ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == 19 || (u.count > 20 && u[19] == UInt8(ascii: ".")) else { return false }
        let shape = Array("dddd-dd-dd dd:dd:dd".utf8)
        for (i, s) in shape.enumerated() {
            if s == UInt8(ascii: "d") { guard u[i] >= 48 && u[i] <= 57 else { return false } } else if u[i] != s { return false }
        }
        return u.dropFirst(20).allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
