import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
import LanyardServer
import LanyardStore
import Testing

@Suite("Events API")
struct EventsAPITests {
    @Test("an edition added by POST /events is listed and shown")
    func addListShow() async throws {
        // Given a server with no events
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let empty = try await client.execute(uri: "/events", method: .get, headers: server.bearer())
            #expect(empty.status == .ok)
            #expect(try empty.json([EventView].self).isEmpty)

            // When an edition is added
            let added = try await client.execute(
                uri: "/events", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"slug":"swiftconf-2026","name":"SwiftConf 2026","series":"SwiftConf","start":"2026-09-14","end":"2026-09-15","city":"Berlin","time_zone":"Europe/Berlin"}"#))

            // Then it comes back as the CLI shows it, and is listed and found by slug
            #expect(added.status == .created)
            #expect(added.headers[.location] == "/events/swiftconf-2026")
            let view = try added.json(EventView.self)
            #expect(view.slug == "swiftconf-2026")
            #expect(view.series == "swiftconf")
            #expect(view.timeZone == "Europe/Berlin")
            #expect(added.text.contains(#""start_date":"2026-09-14""#))
            let list = try await client.execute(uri: "/events", method: .get, headers: server.bearer())
            #expect(try list.json([EventView].self) == [view])
            let shown = try await client.execute(uri: "/events/swiftconf-2026", method: .get, headers: server.bearer())
            #expect(try shown.json(EventView.self) == view)
        }
        #expect(try server.database.events().map(\.slug) == ["swiftconf-2026"])
    }

    @Test("a missing field is a 400 that names it")
    func missingField() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/events", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"slug":"x-2026","name":"X","start":"2026-01-01"}"#))
            #expect(response.status == .badRequest)
            #expect(response.errorMessage == #"missing field "series""#)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
        #expect(try server.database.events().isEmpty)
    }

    @Test("a field of the wrong type is a 400 that names it in snake_case")
    func wrongType() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/events", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"slug":"x-2026","name":"X","series":"x","start":"2026-01-01","time_zone":42}"#))
            #expect(response.status == .badRequest)
            #expect(response.errorMessage == #"field "time_zone" must be a string"#)
        }
    }

    @Test("malformed JSON and an empty body are 400s")
    func malformedJSON() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let broken = try await client.execute(uri: "/events", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"slug": "#))
            #expect(broken.status == .badRequest)
            #expect(broken.errorMessage?.hasPrefix("the body is not valid JSON") == true)
            let empty = try await client.execute(uri: "/events", method: .post, headers: server.bearer(jsonHeaders))
            #expect(empty.status == .badRequest)
            #expect(empty.errorMessage?.contains("empty") == true)
        }
    }

    @Test("a bad value is refused by the events module with the field, and nothing is stored")
    func badValue() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/events", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"slug":"x-2026","name":"X","series":"x","start":"2026-02-30"}"#))
            #expect(response.status == .badRequest)
            #expect(response.errorMessage?.hasPrefix("start: ") == true)
        }
        #expect(try server.database.events().isEmpty)
    }

    @Test("a taken slug is a 409")
    func duplicate() async throws {
        let server = try TestServer()
        try server.database.addEvent(EventDraft(slug: "x-2026", name: "X", series: "x", start: "2026-01-01"))
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/events", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"slug":"x-2026","name":"X again","series":"x","start":"2026-01-02"}"#))
            #expect(response.status == .conflict)
            #expect(response.errorMessage?.contains("x-2026") == true)
        }
        #expect(try server.database.event(slug: "x-2026").name == "X")
    }

    @Test("unknown slugs and unknown routes are 404s in JSON")
    func notFound() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let event = try await client.execute(uri: "/events/nope-2020", method: .get, headers: server.bearer())
            #expect(event.status == .notFound)
            #expect(event.errorMessage?.contains("nope-2020") == true)
            let route = try await client.execute(uri: "/no/such/route", method: .get, headers: server.bearer())
            #expect(route.status == .notFound)
            #expect(route.errorMessage == "Not Found")
        }
    }

    @Test("an iCalendar body is imported once; importing it again changes nothing")
    func importCalendar() async throws {
        let server = try TestServer()
        try await server.app().test(.router) { client in
            let first = try await client.execute(
                uri: "/events/import", method: .post, headers: server.bearer([.contentType: "text/calendar"]), body: body(sampleCalendar))
            #expect(first.status == .ok)
            #expect(try first.json(EventImportSummary.self).added == ["swiftconf-2026"])
            let again = try await client.execute(
                uri: "/events/import", method: .post, headers: server.bearer([.contentType: "text/calendar"]), body: body(sampleCalendar))
            #expect(try again.json(EventImportSummary.self).unchanged == ["swiftconf-2026"])
        }
        let event = try server.database.event(slug: "swiftconf-2026")
        #expect(event.city == "Berlin")
        #expect(event.endDate.description == "2026-09-15")
    }

    @Test("a broken calendar is a 400 that says the line, and nothing is stored")
    func brokenCalendar() async throws {
        let server = try TestServer()
        let broken = sampleCalendar.replacingOccurrences(of: "END:VEVENT\r\n", with: "")
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/events/import", method: .post, headers: server.bearer([.contentType: "text/calendar"]), body: body(broken))
            #expect(response.status == .badRequest)
            #expect(response.errorMessage?.hasPrefix("request body:") == true)
        }
        #expect(try server.database.events().isEmpty)
    }

    @Test("a body over the limit is a 413, for JSON and for calendars")
    func bodyTooLarge() async throws {
        let server = try TestServer(maxBodyBytes: 2048)
        let big = String(repeating: "x", count: 4096)
        try await server.app().test(.router) { client in
            let json = try await client.execute(
                uri: "/events", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"slug":"x-2026","name":"\#(big)","series":"x","start":"2026-01-01"}"#))
            #expect(json.status == .contentTooLarge)
            #expect(json.errorMessage?.contains("2048") == true)
            let calendar = try await client.execute(
                uri: "/events/import", method: .post, headers: server.bearer([.contentType: "text/calendar"]), body: body(big))
            #expect(calendar.status == .contentTooLarge)
        }
        #expect(try server.database.events().isEmpty)
    }
}
