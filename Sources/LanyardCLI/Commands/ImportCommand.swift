import ArgumentParser
import Foundation
import LanyardInterchange
import LanyardStore

/// `lanyard import ...`: bring data in.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import contacts (vCard, LinkedIn, Google CSV) or restore a JSON backup.",
        subcommands: [VCard.self, LinkedIn.self, Google.self, JSON.self]
    )

    /// `lanyard import json FILE`
    struct JSON: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "json",
            abstract: "Restore a `lanyard export json` backup into an empty database.",
            discussion: "Everything is restored in one transaction, ids included; a database that already holds data is refused.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The backup file.")
        var file: String

        func run() async throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw InterchangeError.file(path: file, reason: "cannot read: \(error.localizedDescription)")
            }
            let backup = try Backup.decode(data)
            let bar = ProgressBar(label: "Restoring", json: output.json)
            let restored = try store.open().restore(backup) { bar.update($0, of: $1) }
            bar.finish()
            let console = Console.current
            if output.json {
                try console.json(RestoreSummary(file: file, added: restored, merged: 0, skipped: 0))
            } else {
                console.line("Restored \(restored.values.reduce(0, +)) records from \(file): " + restored.keys.sorted().map { "\($0) \(restored[$0]!)" }.joined(separator: ", ") + ".")
            }
        }
    }
}

/// What a restore stored, for `--json`.
struct RestoreSummary: Codable {
    var file: String
    var added: [String: Int]
    var merged: Int
    var skipped: Int
}
