import Foundation

/// What an import, export or backup refuses, each saying where and what to do.
public enum InterchangeError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The target database already holds data; `table` is the first non-empty one.
    case databaseNotEmpty(table: String, rows: Int)
    /// The document is not a Lanyard backup, or one this version cannot read.
    case unsupportedBackup(String)
    /// A record of the backup does not fit this database (`place` is "table #n").
    case invalidRecord(place: String, message: String)
    /// The destination exists and would be overwritten.
    case destinationExists(path: String)
    /// A file cannot be read or written.
    case file(path: String, reason: String)

    public var description: String {
        switch self {
        case let .databaseNotEmpty(table, rows):
            "the database is not empty (\(table) has \(rows) rows): restore a backup into a new file with --db NEW.sqlite"
        case let .unsupportedBackup(message): "not a Lanyard backup this version can restore: \(message)"
        case let .invalidRecord(place, message): "\(place): \(message)"
        case let .destinationExists(path): "\(path) already exists: choose another name or pass --force"
        case let .file(path, reason): "\(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
