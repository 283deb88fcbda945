import Foundation

/// What stops the server from starting, each with the file and what to do.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The access token file cannot be made or read.
    case tokenFile(path: String, reason: String)

    public var description: String {
        switch self {
        case let .tokenFile(path, reason): "access token \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
