import Foundation

/// A progress bar on stderr for long imports and exports: drawn only when stderr is a
/// terminal and the command does not print JSON; silent otherwise.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var lastPercent = -1

    /// A bar for `label`; `json` (the command's `--json`) turns it off.
    init(label: String, json: Bool, console: Console = .current) {
        self.label = label
        self.enabled = !json && isatty(STDERR_FILENO) == 1
        self.write = console.writeErr
    }

    /// Draws `done` of `total` (redraws only when the percentage changes).
    func update(_ done: Int, of total: Int) {
        guard enabled, total > 0 else { return }
        let percent = min(100, done * 100 / total)
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent * 30 / 100
        write("\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 30 - filled))] \(percent)% (\(done)/\(total))")
    }

    /// Ends the bar's line.
    func finish() {
        guard enabled, lastPercent >= 0 else { return }
        write("\n")
    }
}
