import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
@testable import LanyardServer
import LanyardStore
import Testing

@Suite("Access token, login and CSRF")
struct AuthTests {
    @Test("/health answers without the token")
    func healthIsOpen() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains(#""status":"ok""#))
        }
    }

    @Test("every other route refuses a request without the token: 401 for the API, the login page for a browser")
    func everyRouteNeedsTheToken() async throws {
        // Given every route the router has
        let server = try TestServer()
        let routes = server.router().routes.map { (path: $0.path.description, method: $0.method) }
        #expect(routes.count >= 10)
        try await server.app().test(.router) { client in
            for route in routes where !["/health", "/login"].contains(route.path) {
                let uri = route.path.replacingOccurrences(of: "{slug}", with: "some-slug")
                let name = "\(route.method) \(route.path)"
                let isPage = route.path == "/" || route.path == "/logout" || route.path.hasPrefix("/app/")
                // When a client calls it without a token
                let api = try await client.execute(uri: uri, method: route.method, headers: [.accept: "application/json"])
                let page = try await client.execute(uri: uri, method: route.method, headers: [.accept: "text/html"])
                if isPage || route.method == .get {
                    // Then a browser asking for a page is sent to the login form
                    let response = isPage ? api : page
                    if route.method == .get {
                        #expect(response.status == .seeOther, "\(name)")
                        #expect(response.headers[.location]?.hasPrefix("/login?next=") == true, "\(name)")
                    } else {
                        #expect(response.status == .unauthorized, "\(name)")
                        #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(name)")
                    }
                }
                if !isPage {
                    // And an API client gets 401 in JSON, before the handler runs
                    #expect(api.status == .unauthorized, "\(name)")
                    #expect(api.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true, "\(name)")
                    #expect(api.errorMessage?.contains("access token") == true, "\(name)")
                }
            }
        }
    }

    @Test("a wrong token, the session value as a bearer token, or a malformed header are refused")
    func wrongToken() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            for header in ["Bearer nope", "Bearer \(server.token.sessionValue)", "Basic \(server.token.value)", server.token.value, "Bearer \(server.token.value)x"] {
                let response = try await client.execute(uri: "/events", method: .get, headers: [.authorization: header])
                #expect(response.status == .unauthorized, "\(header)")
            }
            let right = try await client.execute(uri: "/events", method: .get, headers: [.authorization: "bearer \(server.token.value)"])
            #expect(right.status == .ok)
        }
    }

    @Test("the login form sets a session cookie derived from the token, HttpOnly and SameSite=Strict")
    func loginFlow() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            // Given the login form, with its CSRF value in a cookie and in the form
            let page = try await client.execute(uri: "/login?next=/app/events", method: .get)
            #expect(page.status == .ok)
            let loginCookie = try #require(page.setCookie("lanyard_login"))
            #expect(loginCookie.contains("HttpOnly") && loginCookie.contains("SameSite=Strict"))
            let value = try #require(csrf(in: page.text))
            #expect(loginCookie.hasPrefix("lanyard_login=\(value);"))
            let cookie: HTTPFields = [.cookie: "lanyard_login=\(value)"]

            // When the wrong token is typed
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: cookie.merging(formHeaders),
                body: form([("csrf", value), ("token", "guess"), ("next", "/app/events")]))
            // Then the form comes back with a message and no session
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("not the access token"))
            #expect(wrong.setCookie("lanyard_session") == nil)

            // When the right token is typed
            let right = try await client.execute(
                uri: "/login", method: .post, headers: cookie.merging(formHeaders),
                body: form([("csrf", value), ("token", server.token.value), ("next", "/app/events")]))
            // Then the browser is sent on with a session cookie that is not the token
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/app/events")
            let session = try #require(right.setCookie("lanyard_session"))
            #expect(session.hasPrefix("lanyard_session=\(server.token.sessionValue);"))
            #expect(!session.contains(server.token.value))
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict") && session.contains("Path=/"))

            // And the cookie opens the pages
            let events = try await client.execute(uri: "/app/events", method: .get, headers: server.browser())
            #expect(events.status == .ok)
            // And the login page now sends a logged-in browser on
            let again = try await client.execute(uri: "/login", method: .get, headers: server.browser())
            #expect(again.status == .seeOther)
        }
    }

    @Test("a login post without the form's CSRF cookie is refused")
    func loginNeedsCSRF() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/login", method: .post, headers: formHeaders.merging([.cookie: "lanyard_login=abc"]),
                body: form([("csrf", "abd"), ("token", server.token.value)]))
            #expect(response.status == .forbidden)
            #expect(response.setCookie("lanyard_session") == nil)
        }
    }

    @Test("after login, only local paths are followed")
    func noOpenRedirect() async throws {
        for next in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"] {
            #expect(LoginController.safeNext(next) == "/app/checkin", "\(next)")
        }
        #expect(LoginController.safeNext("/app/events?added=x") == "/app/events?added=x")
    }

    @Test("the session cookie reads the API but cannot write through it")
    func cookieCannotWriteAPI() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let read = try await client.execute(uri: "/events", method: .get, headers: [.cookie: "lanyard_session=\(server.token.sessionValue)"])
            #expect(read.status == .ok)
            let write = try await client.execute(
                uri: "/events", method: .post, headers: jsonHeaders.merging([.cookie: "lanyard_session=\(server.token.sessionValue)"]),
                body: body(#"{"slug":"x-2026","name":"X","series":"x","start":"2026-01-01"}"#))
            #expect(write.status == .unauthorized)
            let forged = try await client.execute(uri: "/events", method: .get, headers: [.cookie: "lanyard_session=\(server.token.value)"])
            #expect(forged.status == .unauthorized)
        }
        #expect(try server.database.events().isEmpty)
    }

    @Test("a page form posted with the cookie needs the CSRF value of that session")
    func pageFormsNeedCSRF() async throws {
        let server = try TestServer()
        let fields = [("slug", "x-2026"), ("name", "X"), ("series", "x"), ("start", "2026-01-01")]
        try await server.app().test(.router) { client in
            let missing = try await client.execute(uri: "/app/events", method: .post, headers: server.browser(formHeaders), body: form(fields))
            #expect(missing.status == .forbidden)
            let wrong = try await client.execute(uri: "/app/events", method: .post, headers: server.browser(formHeaders), body: form(fields + [("csrf", "0000")]))
            #expect(wrong.status == .forbidden)
            #expect(try server.database.events().isEmpty)

            let page = try await client.execute(uri: "/app/events", method: .get, headers: server.browser())
            let value = try #require(csrf(in: page.text))
            let right = try await client.execute(uri: "/app/events", method: .post, headers: server.browser(formHeaders), body: form(fields + [("csrf", value)]))
            #expect(right.status == .seeOther)
        }
        #expect(try server.database.events().map(\.slug) == ["x-2026"])
    }

    @Test("log out clears the session cookie")
    func logout() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let page = try await client.execute(uri: "/app/checkin", method: .get, headers: server.browser())
            let value = try #require(csrf(in: page.text))
            let response = try await client.execute(uri: "/logout", method: .post, headers: server.browser(formHeaders), body: form([("csrf", value)]))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/login")
            #expect(response.setCookie("lanyard_session")?.contains("Max-Age=0") == true)
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var fields = self
        fields.append(contentsOf: other)
        return fields
    }
}
