import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
import LanyardServer
import LanyardStore
import Synchronization
import Testing

/// The CLI (`lanyard`, a separate process) and the live server write the same database file at
/// the same time.
@Suite("CLI and server share the database")
struct SharedDatabaseTests {
    static let binary: String? = {
        if let path = ProcessInfo.processInfo.environment["LANYARD_BIN"] { return path }
        let built = BrowserTests.repository.appendingPathComponent(".build/debug/lanyard").path
        return FileManager.default.isExecutableFile(atPath: built) ? built : nil
    }()

    @Test("200 check-ins from the CLI and 200 through the live server, at once: none fails, none is lost",
          .enabled(if: binary != nil, "LANYARD_BIN is not set and .build/debug/lanyard is not built (Scripts/test sets it)"),
          .timeLimit(.minutes(5)))
    func concurrentWriters() async throws {
        // Given one database file and an edition
        let server = try TestServer()
        try server.addEditions()
        let count = 200
        let binary = try #require(Self.binary)
        let path = server.configuration.location.databasePath

        try await server.app().test(.live) { client in
            // When the CLI checks in 200 people while the server takes 200 more, in step (the
            // server's n-th once the CLI has started its n-th), so the two overlap throughout
            let cliStarted = Mutex(0)
            let cli = Task.detached { () async throws -> [String] in
                var failures: [String] = []
                for index in 0..<count {
                    cliStarted.withLock { $0 = index + 1 }
                    let result = try await BrowserTests.run(binary, [
                        "checkin", "--db", path, "--event", "swiftconf-2026", "--json",
                        "--name", "Cli Person\(index)", "--email", "cli\(index)@example.org",
                    ], timeout: .seconds(30))
                    if result.status != 0 { failures.append("cli \(index): \(result.text)") }
                }
                return failures
            }
            var serverFailures: [String] = []
            for index in 0..<count {
                for _ in 0..<6_000 where cliStarted.withLock({ $0 }) <= index { try await Task.sleep(for: .milliseconds(5)) }
                let response = try await client.execute(
                    uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                    body: body(#"{"event":"swiftconf-2026","name":"Api Person\#(index)","email":"api\#(index)@example.org"}"#))
                if response.status != .created { serverFailures.append("api \(index): \(response.status) \(response.text)") }
            }
            let cliFailures = try await cli.value

            // Then nothing failed (no "database is locked") ...
            #expect(serverFailures == [])
            #expect(cliFailures == [])
        }

        // ... and every check-in is there, once
        let people = try server.database.people()
        #expect(people.count == 2 * count)
        #expect(people.allSatisfy { $0.meetings == 1 })
        #expect(Set(people.flatMap(\.emails)).count == 2 * count)
    }
}
