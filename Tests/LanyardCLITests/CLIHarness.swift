import ArgumentParser
import Foundation
import LanyardCLI
import Synchronization

/// Runs `lanyard` commands in-process against a fresh database and captures what they print.
final class CLIHarness: Sendable {
    let folder: URL
    var databasePath: String { folder.appendingPathComponent("cli.sqlite").path }
    private let captured = Mutex<(out: String, err: String)>(("", ""))

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-cli-\(UUID().uuidString)")
    }

    /// The test's database goes with it.
    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// What the last runs wrote on stdout.
    var output: String { captured.withLock { $0.out } }

    /// Parses `arguments` (with `--db` added) as the root command would, runs it, and returns stdout.
    @discardableResult
    func run(_ arguments: [String], input: [String] = []) async throws -> String {
        captured.withLock { $0 = ("", "") }
        var command = try Lanyard.parseAsRoot(arguments + ["--db", databasePath])
        let lines = Mutex(input)
        let console = Console(
            writeOut: { text in self.captured.withLock { $0.out += text } },
            writeErr: { text in self.captured.withLock { $0.err += text } },
            isInteractive: !input.isEmpty,
            readLine: { lines.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
        )
        try await Console.$current.withValue(console) {
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        }
        return output
    }

    /// Decodes the last run's stdout as one JSON document.
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(output.utf8))
    }
}
