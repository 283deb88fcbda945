import Foundation
import Hummingbird
import Logging

/// `/login` and `/logout`: the pages' way in. The token is typed once; the browser keeps a
/// session cookie derived from it (HttpOnly, SameSite=Strict), never the token.
struct LoginController {
    let token: AccessToken

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/login", use: form)
            .post("/login", use: login)
            .post("/logout", use: logout)
    }

    /// The login form's fields.
    struct LoginRequest: Decodable {
        var token: String?
        var csrf: String?
        var next: String?
    }

    /// The log-out form's fields.
    struct LogoutRequest: Decodable {
        var csrf: String?
    }

    @Sendable func form(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init))
        if let cookie = request.cookies[SessionCookie.name]?.value, token.matchesSession(cookie) {
            return .redirect(to: next, type: .normal)
        }
        return try page(status: .ok, next: next, message: nil, request: request, context: context)
    }

    @Sendable func login(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        let fields = try await request.decodeForm(as: LoginRequest.self, context: context)
        let next = Self.safeNext(fields.next)
        let expected = request.cookies[SessionCookie.loginName]?.value ?? ""
        guard let csrf = fields.csrf, !expected.isEmpty,
              AccessToken.constantTimeEqual(Array(csrf.utf8), Array(expected.utf8))
        else {
            return try page(status: .forbidden, next: next, message: "The login form expired or cookies are off. Try again on this page.", request: request, context: context)
        }
        guard let typed = fields.token?.trimmingCharacters(in: .whitespacesAndNewlines), token.matches(typed) else {
            context.logger.notice("login refused: wrong token")
            return try page(status: .unauthorized, next: next, message: "That is not the access token. It was printed when the server first started and is kept in server-token in Lanyard's config folder.", request: request, context: context)
        }
        context.logger.info("browser logged in")
        var response = Response.redirect(to: next, type: .normal)
        response.setCookie(SessionCookie.session(token.sessionValue))
        response.setCookie(SessionCookie.clearedLogin())
        return response
    }

    @Sendable func logout(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        let fields = try await request.decodeForm(as: LogoutRequest.self, context: context)
        try token.checkCSRF(fields.csrf, context: context)
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(SessionCookie.clearedSession())
        return response
    }

    private func page(status: HTTPResponse.Status, next: String, message: String?, request: Request, context: LanyardRequestContext) throws -> Response {
        let csrf = AccessToken.randomValue()
        let body: HTML = """
            \(Pages.errorBox(message))
            <form method="post" action="/login">
            \(Pages.csrfField(csrf))
            <input type="hidden" name="next" value="\(next)">
            \(Pages.field("Access token", name: "token", type: "password", required: true, autocomplete: "current-password",
                          hint: "Printed by lanyard serve on its first start, and kept in server-token in its config folder."))
            <div class="actions"><button class="primary" type="submit">Log in</button></div>
            </form>
            """
        var response = try HTMLPage(status: status, html: Pages.layout(title: "Log in", session: nil, body: body))
            .response(from: request, context: context)
        response.setCookie(SessionCookie.login(csrf))
        return response
    }

    /// Only a local path may follow the login (no `//host` or `https://` redirects).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              !next.contains(where: { $0.isNewline || $0 == "\\" })
        else { return "/app/checkin" }
        return next
    }

    /// Percent-encodes a path for the `next` query parameter.
    static func encodeNext(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }
}
