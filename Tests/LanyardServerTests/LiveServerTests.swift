import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardEvents
import LanyardServer
import Testing

@Suite("Live server")
struct LiveServerTests {
    @Test("over a real socket on an ephemeral loopback port: health, 401, add and list")
    func overTheWire() async throws {
        let server = try TestServer()
        try await server.app().test(.live) { client in
            #expect(client.port != nil && client.port != 0)
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)

            let refused = try await client.execute(uri: "/events", method: .get)
            #expect(refused.status == .unauthorized)
            #expect(refused.errorMessage?.contains("access token") == true)

            let added = try await client.execute(
                uri: "/events", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"slug":"conf-2026","name":"Conf 2026","series":"conf","start":"2026-05-01"}"#))
            #expect(added.status == .created)
            let list = try await client.execute(uri: "/events", method: .get, headers: server.bearer())
            #expect(try list.json([EventView].self).map(\.slug) == ["conf-2026"])
        }
    }
}
