import Foundation
import LanyardStore

/// Where a command writes: stdout for data, stderr for messages. Tests swap it through the
/// task-local `current` to read what a command printed.
public struct Console: Sendable {
    public var writeOut: @Sendable (String) -> Void
    public var writeErr: @Sendable (String) -> Void
    /// True when stdin and stdout are terminals: only then may a command ask a question.
    public var isInteractive: Bool
    public var readLine: @Sendable () -> String?

    public init(
        writeOut: @escaping @Sendable (String) -> Void,
        writeErr: @escaping @Sendable (String) -> Void,
        isInteractive: Bool,
        readLine: @escaping @Sendable () -> String?
    ) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.isInteractive = isInteractive
        self.readLine = readLine
    }

    /// The process's own standard streams.
    public static let standard = Console(
        writeOut: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        writeErr: { text in FileHandle.standardError.write(Data(text.utf8)) },
        isInteractive: isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1,
        readLine: { Swift.readLine(strippingNewline: true) }
    )

    @TaskLocal public static var current: Console = .standard

    /// Writes a line of human output to stdout.
    public func line(_ text: String = "") { writeOut(text + "\n") }

    /// Writes a message to stderr (warnings, progress, prompts).
    public func message(_ text: String) { writeErr(text + "\n") }

    /// Prints one JSON document on stdout, in Lanyard's JSON dialect.
    public func json<T: Encodable>(_ value: T) throws {
        let data = try LanyardJSON.encoder().encode(value)
        writeOut(String(decoding: data, as: UTF8.self) + "\n")
    }

    /// A document already written as compact JSON bytes (`JSONBytes`), printed as `json(_:)`
    /// prints: pretty, one line per member.
    public func json(compact: [UInt8]) {
        writeOut(String(decoding: JSONBytes.prettyPrinted(compact), as: UTF8.self) + "\n")
    }

    /// Asks a yes/no question on a terminal; false when not interactive or on anything but y/yes.
    public func confirm(_ question: String) -> Bool {
        guard isInteractive else { return false }
        writeErr(question + " ")
        guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return answer == "y" || answer == "yes"
    }
}
