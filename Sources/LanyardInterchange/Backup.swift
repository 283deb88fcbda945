import Foundation

/// A complete Lanyard backup, as `lanyard export json` writes it and `lanyard import json`
/// restores it. Format version 1:
///
/// ```json
/// {
///   "format": "lanyard-backup",
///   "version": 1,
///   "exported_at": "2026-11-21T23:40:00Z",
///   "migrations": ["v1-people-events-meetings", "..."],
///   "sequences": {"person": 42},
///   "tables": {
///     "person": [{"id": 1, "name": "Ada Lovelace", "sort_name": "Lovelace, Ada", "created_at": "2025-09-14T09:00:00.000Z", ...}],
///     "person_email": [...], "person_phone": [...], "person_key": [...], "event": [...],
///     "meeting": [...], "note": [...], "fact": [...], "tag": [...], "follow_up": [...],
///     "merge_record": [...], "imported_contact": [...]
///   }
/// }
/// ```
///
/// - `tables` holds every table of the database (people, emails, phones, matching keys, events,
///   meetings, notes, facts with their superseded history, tags, follow-ups, merge records,
///   the fingerprints of imported contact records, and any table a later migration adds),
///   keyed by the table name in snake_case; each row is an object keyed by its column name in
///   snake_case (`linkedinURL` → `linkedin_url`).
/// - Values are the stored ones: integers, strings, null; timestamps as ISO 8601 UTC with
///   milliseconds (`2025-09-14T09:00:00.000Z`); calendar days as `YYYY-MM-DD`; BLOB columns
///   (a follow-up's frozen message) as base64.
/// - Rows are in primary-key order, ids included, so a restore reproduces the database.
/// - `migrations` lists the schema the backup was made with; a restore refuses a backup made
///   by a newer schema. `sequences` are SQLite's AUTOINCREMENT counters.
/// - Full-text indexes and other derived tables are not in the backup: they are rebuilt.
/// - A new field or table may appear in a later version 1 backup; a field is never renamed or
///   removed without raising `version`.
public struct Backup: Codable, Sendable, Equatable {
    /// The value of `format`.
    public static let formatName = "lanyard-backup"
    /// The version this code writes and reads.
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var exportedAt: Date
    public var migrations: [String]
    public var sequences: [String: Int64]
    public var tables: [String: [[String: BackupValue]]]

    public init(exportedAt: Date, migrations: [String], sequences: [String: Int64], tables: [String: [[String: BackupValue]]]) {
        self.format = Self.formatName
        self.version = Self.currentVersion
        self.exportedAt = exportedAt
        self.migrations = migrations
        self.sequences = sequences
        self.tables = tables
    }

    enum CodingKeys: String, CodingKey {
        case format, version, migrations, sequences, tables
        case exportedAt = "exported_at"
    }

    /// The JSON document (pretty, sorted keys). Keys are written as they are: table and column
    /// names are already snake_case.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }

    /// Reads a backup document, refusing other JSON with a message that says what it is not.
    public static func decode(_ data: Data) throws -> Backup {
        struct Header: Decodable { var format: String?; var version: Int? }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: data)
        } catch {
            throw InterchangeError.unsupportedBackup("not a JSON object (\(error.localizedDescription))")
        }
        guard header.format == formatName else {
            throw InterchangeError.unsupportedBackup("\"format\" is \(header.format.map { "\"\($0)\"" } ?? "missing"), expected \"\(formatName)\"")
        }
        guard let version = header.version, version <= currentVersion, version >= 1 else {
            throw InterchangeError.unsupportedBackup("version \(header.version.map(String.init) ?? "missing") (this Lanyard reads version \(currentVersion); upgrade it)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Backup.self, from: data)
        } catch let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context), let DecodingError.keyNotFound(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map { $0.intValue.map { "#\($0 + 1)" } ?? $0.stringValue }.joined(separator: " ")
            throw InterchangeError.unsupportedBackup("at \(path.isEmpty ? "the top" : path): \(context.debugDescription)")
        }
    }

    /// The number of rows in all tables.
    public var rowCount: Int { tables.values.reduce(0) { $0 + $1.count } }
}
