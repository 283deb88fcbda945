import Foundation

/// Errors of the store: each says what was wrong and where.
public enum StoreError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The data file or its folder cannot be created or opened.
    case location(path: String, reason: String)
    /// A record named by id does not exist.
    case notFound(kind: String, id: String)
    /// A value breaks a rule (field names the field).
    case invalid(field: String, reason: String)
    /// A record with the same unique key exists.
    case duplicate(kind: String, key: String)

    public var description: String {
        switch self {
        case let .location(path, reason): "cannot use \(path): \(reason)"
        case let .notFound(kind, id): "no \(kind) with id \(id)"
        case let .invalid(field, reason): "\(field): \(reason)"
        case let .duplicate(kind, key): "a \(kind) \(key) already exists"
        }
    }

    public var errorDescription: String? { description }
}
