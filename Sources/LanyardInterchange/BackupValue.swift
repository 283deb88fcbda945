import Foundation

/// One SQLite value in a backup: JSON null, integer, real or string. BLOB columns are written
/// as base64 strings and decoded back by the column's declared type.
public enum BackupValue: Codable, Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Int64.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .real(value) }
        else if let value = try? container.decode(String.self) { self = .text(value) }
        else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected null, a number or a string")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .integer(value): try container.encode(value)
        case let .real(value): try container.encode(value)
        case let .text(value): try container.encode(value)
        }
    }
}
