import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
import LanyardServer
import LanyardStore
import Testing

@Suite("Web pages")
struct PagesTests {
    @Test("HTML escapes every interpolated value and keeps markup built the same way")
    func escaping() {
        let name = #"<script>alert("x")</script> & 'co'"#
        let html: HTML = "<p title=\"\(name)\">\(name)</p>"
        #expect(html.markup == #"<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>"#)
        let inner: HTML = "<b>\(name)</b>"
        let outer: HTML = "<div>\(inner)</div>"
        #expect(outer.markup.hasPrefix("<div><b>&lt;script&gt;"))
        let missing: String? = nil
        #expect(("<i>\(missing)</i>" as HTML).markup == "<i></i>")
    }

    @Test("/ sends a browser to the check-in page")
    func home() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get, headers: server.browser())
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/app/checkin")
        }
    }

    @Test("the check-in form has every field, the events to choose from, escaped, and no scripts")
    func checkInForm() async throws {
        // Given two editions, one with markup in its name
        let server = try TestServer()
        try server.database.addEvent(EventDraft(slug: "old-2020", name: "Old Conf 2020", series: "old", start: "2020-05-01"))
        try server.database.addEvent(EventDraft(slug: "evil-2026", name: "<b>Evil</b> Conf", series: "evil", start: "2026-05-01"))
        try await server.app().test(.router) { client in
            // When the browser opens the form
            let page = try await client.execute(uri: "/app/checkin", method: .get, headers: server.browser())

            // Then it is a self-contained page with every field
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let html = page.text
            for field in ["event", "name", "company", "email", "phone", "booth", "note", "badge", "csrf"] {
                #expect(html.contains(#"name="\#(field)""#), "\(field)")
            }
            #expect(html.contains(#"name="viewport" content="width=device-width, initial-scale=1""#))
            #expect(!html.contains("<script"))
            #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
            #expect(html.contains("&lt;b&gt;Evil&lt;/b&gt; Conf"))
            #expect(!html.contains("<b>Evil</b>"))
            // And the latest edition that started is chosen
            #expect(html.contains(#"<option value="evil-2026" selected>"#))
            #expect(csrf(in: html) == server.token.csrfToken(forSession: server.token.sessionValue))
        }
    }

    @Test("a check-in form with a bad badge comes back 400 with the module's message, keeping what was typed")
    func checkInBadBadge() async throws {
        let server = try TestServer()
        try server.database.addEvent(EventDraft(slug: "conf-2026", name: "Conf 2026", series: "conf", start: "2026-05-01"))
        try await server.app().test(.router) { client in
            let page = try await client.execute(uri: "/app/checkin", method: .get, headers: server.browser())
            let value = try #require(csrf(in: page.text))
            let response = try await client.execute(
                uri: "/app/checkin", method: .post, headers: server.browser(formHeaders),
                body: form([("csrf", value), ("event", "conf-2026"), ("name", "Liz \"<Tay>\""), ("booth", "12"), ("badge", "BEGIN:VCARD")]))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("card: "))
            #expect(response.text.contains(#"value="Liz &quot;&lt;Tay&gt;&quot;""#))
            #expect(response.text.contains("<details open>"))
        }
    }

    @Test("the events page adds an edition from its form and confirms it")
    func eventsPage() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let page = try await client.execute(uri: "/app/events", method: .get, headers: server.browser())
            #expect(page.status == .ok)
            #expect(page.text.contains("No events yet."))
            let value = try #require(csrf(in: page.text))

            let added = try await client.execute(
                uri: "/app/events", method: .post, headers: server.browser(formHeaders),
                body: form([("csrf", value), ("name", "SwiftConf 2026"), ("slug", "swiftconf-2026"), ("series", "SwiftConf"),
                            ("start", "2026-09-14"), ("end", ""), ("city", "Berlin"), ("time_zone", "Europe/Berlin")]))
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/app/events?added=swiftconf-2026")

            let after = try await client.execute(uri: "/app/events?added=swiftconf-2026", method: .get, headers: server.browser())
            #expect(after.text.contains("Added SwiftConf 2026."))
            #expect(after.text.contains("swiftconf-2026 · 2026-09-14 · Berlin"))
        }
        #expect(try server.database.event(slug: "swiftconf-2026").timeZone == "Europe/Berlin")
    }

    @Test("a bad event form comes back with the module's message and what was typed")
    func eventsPageError() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/app/events", method: .post, headers: server.browser(formHeaders),
                body: form([("csrf", server.token.csrfToken(forSession: server.token.sessionValue)), ("name", "Bad"), ("slug", "Bad Slug"),
                            ("series", "bad"), ("start", "2026-01-01")]))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("slug: &quot;Bad Slug&quot; must be lower-case"))
            #expect(response.text.contains(#"value="Bad Slug""#))
        }
        #expect(try server.database.events().isEmpty)
    }

    @Test("errors on pages, and for browsers, are pages")
    func htmlErrors() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let missing = try await client.execute(uri: "/app/nothing-here", method: .get, headers: server.browser())
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            #expect(missing.text.contains("404 Not Found"))
            let api = try await client.execute(uri: "/events/nope", method: .get, headers: server.browser())
            #expect(api.status == .notFound)
            #expect(api.text.contains("&quot;nope&quot;"))
        }
    }
}
