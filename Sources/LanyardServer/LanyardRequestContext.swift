import Foundation
import Hummingbird
import LanyardStore

/// How a request proved it may use the server.
public enum Authentication: Sendable, Equatable {
    /// `Authorization: Bearer TOKEN` (API clients, scripts).
    case bearer
    /// The session cookie a browser got from the login form; the value is kept for CSRF tokens.
    case session(String)
}

/// The request context of every route: Lanyard's JSON dialect (snake_case, ISO 8601), the body
/// limit, and who the request authenticated as.
public struct LanyardRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Bodies larger than this are refused with 413; set from `ServerConfiguration.maxBodyBytes`.
    public var maxUploadSize: Int
    /// Set by `AuthMiddleware`; nil on the open routes (`/health`, `/login`).
    public var authentication: Authentication?

    public init(source: Source) {
        coreContext = .init(source: source)
        maxUploadSize = ServerConfiguration.defaultMaxBodyBytes
        authentication = nil
    }

    public var requestDecoder: JSONDecoder { LanyardJSON.decoder() }
    public var responseEncoder: JSONEncoder { LanyardJSON.encoder(pretty: false) }

    /// The browser session, when the request came with the session cookie.
    public var session: String? {
        if case let .session(value) = authentication { return value }
        return nil
    }
}
