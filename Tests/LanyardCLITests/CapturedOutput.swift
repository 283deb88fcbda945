import ArgumentParser
import Foundation
import Testing
@testable import LanyardCLI

/// Collects what a command prints.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""
    var stdout: String { lock.withLock { out } }
    var stderr: String { lock.withLock { err } }

    func console(interactive: Bool = false, answers: [String] = []) -> Console {
        let remaining = LockedAnswers(answers)
        return Console(
            writeOut: { text in self.lock.withLock { self.out += text } },
            writeErr: { text in self.lock.withLock { self.err += text } },
            isInteractive: interactive,
            readLine: { remaining.next() })
    }
}

final class LockedAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String]
    init(_ answers: [String]) { self.answers = answers }
    func next() -> String? { lock.withLock { answers.isEmpty ? nil : answers.removeFirst() } }
}

extension CapturedOutput {
    /// Parses `arguments` as the root command would, runs the command in-process, and returns
    /// what it printed.
    static func run(_ arguments: [String]) async throws -> CapturedOutput {
        let output = CapturedOutput()
        var command = try #require(try Lanyard.parseAsRoot(arguments) as? any AsyncParsableCommand)
        try await Console.$current.withValue(output.console()) { try await command.run() }
        return output
    }
}
