import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardEvents
import LanyardServer
import Synchronization
import Testing

@Suite("Live server")
struct LiveServerTests {
    @Test("over a real socket on an ephemeral loopback port: health, 401, add and list; the background jobs run meanwhile")
    func overTheWire() async throws {
        let server = try TestServer()
        let rounds = Mutex(0)
        let job = BackgroundJob(name: "count") { _ in rounds.withLock { $0 += 1 }; return nil }
        try await server.app(jobs: [job]).test(.live) { client in
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

            for _ in 0..<200 where rounds.withLock({ $0 }) < 2 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(rounds.withLock { $0 } >= 2)
        }
    }
}
