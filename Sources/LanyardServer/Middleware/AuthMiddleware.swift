import Foundation
import Hummingbird
import HTTPTypes

/// Lets a request through only with the access token: `Authorization: Bearer TOKEN`, or the
/// session cookie of a browser that logged in. The cookie is accepted for reads everywhere and
/// for writes on page routes only (which check a CSRF token); API writes need the Bearer header.
/// `/health` and the login page are open.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = LanyardRequestContext
    let token: AccessToken

    /// Endpoint paths served without the token.
    static let openPaths: Set<String> = ["/health", "/login"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let path = context.endpointPath, Self.openPaths.contains(path) {
            return try await next(request, context)
        }
        var context = context
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                  token.matches(parts[1].trimmingCharacters(in: .whitespaces))
            else {
                throw Self.unauthorized("the access token in the Authorization header is not right")
            }
            context.authentication = .bearer
            return try await next(request, context)
        }
        if let cookie = request.cookies[SessionCookie.name]?.value, token.matchesSession(cookie) {
            let safe = request.method == .get || request.method == .head
            guard safe || RequestSurface.isPagePath(context.endpointPath) else {
                throw Self.unauthorized("writes to the JSON API need Authorization: Bearer TOKEN; the login cookie only serves the pages")
            }
            context.authentication = .session(cookie)
            return try await next(request, context)
        }
        if RequestSurface.wantsHTML(request, context: context), request.method == .get || request.method == .head {
            return .redirect(to: "/login?next=" + LoginController.encodeNext(request.uri.description), type: .normal)
        }
        throw Self.unauthorized("this needs the access token: send Authorization: Bearer TOKEN (it is in server-token in Lanyard's config folder), or log in at /login")
    }

    static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"lanyard\""], message: message)
    }
}
