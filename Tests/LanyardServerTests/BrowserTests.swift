import Foundation
import LanyardEvents
import LanyardServer
import LanyardStore
import Logging
import ServiceLifecycle
import Testing

/// The pages in a real headless Chromium at phone size, driven by Scripts/browser-checkin.py
/// against a live server this test starts on 127.0.0.1 with a free port.
@Suite("Browser")
struct BrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let chromiumInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")

    @Test("a phone-sized browser logs in, checks Liz in twice, and sees her recognised with what to ask about",
          .enabled(if: chromiumInstalled, "chromium and chromium-driver are not installed (Scripts/bootstrap installs them)"),
          .timeLimit(.minutes(3)))
    func checkInInBrowser() async throws {
        // Given the Python with selenium that Scripts/bootstrap prepares
        let python = ProcessInfo.processInfo.environment["LANYARD_PYTHON"] ?? Self.repository.appendingPathComponent(".venv/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "no \(python): run Scripts/bootstrap to make the .venv with selenium")

        // And a live server on a free loopback port
        let server = try TestServer()
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let app = try await server.app { port in portSink.yield(port) }
        let group = ServiceGroup(services: [app], logger: TestServer.logger)

        let output = try await withThrowingTaskGroup(of: Void.self) { tasks -> ScriptResult in
            tasks.addTask { try await group.run() }
            defer { Task { await group.triggerGracefulShutdown() } }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())

            // When the script drives the pages
            let result = try await Self.run(python, [
                Self.repository.appendingPathComponent("Scripts/browser-checkin.py").path,
                "--url", "http://127.0.0.1:\(port)", "--token", server.token.value,
                "--expect-text", "You met Liz at SwiftConf 2025, booth 12 — ask about: marathon",
            ], timeout: .seconds(120))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return result
        }

        // Then every step passed
        #expect(output.status == 0, "\(output.text)")
        #expect(output.text.contains("step: logged in, on the check-in page"))
        #expect(output.text.contains("step: checked in Liz at SwiftConf 2026"))
        #expect(output.text.hasSuffix("ok\n"), "\(output.text)")
        #expect(try server.database.event(slug: "swiftconf-2026").city == "Berlin")
        // And the two meetings belong to one person
        let people = try server.database.people()
        #expect(people.count == 1)
        #expect(people.first?.meetings == 2)
    }

    struct ScriptResult: Sendable {
        var status: Int32
        var text: String
    }

    /// Runs a program, killing it after `timeout`; returns its exit status and stdout + stderr.
    static func run(_ program: String, _ arguments: [String], timeout: Duration) async throws -> ScriptResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let finished = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in finished.continuation.yield(); finished.continuation.finish() }
        try process.run()
        let reader = Task.detached { pipe.fileHandleForReading.readDataToEndOfFile() }
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            process.terminate()
        }
        for await _ in finished.stream {}
        watchdog.cancel()
        let data = await reader.value
        return ScriptResult(status: process.terminationStatus, text: String(decoding: data, as: UTF8.self))
    }
}
