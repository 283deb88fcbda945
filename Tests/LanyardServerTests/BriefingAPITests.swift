import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardBriefing
import LanyardEvents
import LanyardServer
import LanyardStore
import Testing

@Suite("Briefing API")
struct BriefingAPITests {
    @Test("/brief/{event} is JSON for the API and the briefing page for a browser")
    func jsonAndHTML() async throws {
        // Given Liz met at an earlier edition, and an upcoming one
        let server = try TestServer()
        try server.addEditions()
        _ = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", company: "Acme", email: "liz@acme.com"))
        try await server.app().test(.router) { client in
            // When the briefing is asked for as JSON, with Accept: text/html, and with ?format=html
            let json = try await client.execute(uri: "/brief/swiftconf-2099", method: .get, headers: server.bearer())
            let page = try await client.execute(uri: "/brief/swiftconf-2099", method: .get, headers: server.bearer([.accept: "text/html"]))
            let format = try await client.execute(uri: "/brief/swiftconf-2099?format=html", method: .get, headers: server.bearer())

            // Then each says who to see
            #expect(json.status == .ok)
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            let briefing = try json.json(Briefing.self)
            #expect(briefing.summary.people == 1)
            #expect(json.text.contains("Liz Moreau"))
            for response in [page, format] {
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.hasPrefix("<!DOCTYPE html>"))
                #expect(response.text.contains("Liz Moreau"))
            }
        }
    }

    @Test("unknown event 404, bad since 400, past edition 400, no token 401")
    func refusals() async throws {
        let server = try TestServer()
        try server.addEditions()
        try await server.app().test(.router) { client in
            let unknown = try await client.execute(uri: "/brief/nope-2099", method: .get, headers: server.bearer())
            #expect(unknown.status == .notFound)
            let badSince = try await client.execute(uri: "/brief/swiftconf-2099?since=yesterday", method: .get, headers: server.bearer())
            #expect(badSince.status == .badRequest)
            #expect(badSince.errorMessage?.hasPrefix("since:") == true)
            let badStale = try await client.execute(uri: "/brief/swiftconf-2099?stale_after=0", method: .get, headers: server.bearer())
            #expect(badStale.status == .badRequest)
            let past = try await client.execute(uri: "/brief/swiftconf-2025", method: .get, headers: server.bearer())
            #expect(past.status == .badRequest)
            let noToken = try await client.execute(uri: "/brief/swiftconf-2099", method: .get)
            #expect(noToken.status == .unauthorized)
        }
    }
}
