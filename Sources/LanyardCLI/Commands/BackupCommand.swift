import ArgumentParser
import Foundation
import LanyardInterchange
import LanyardStore

/// `lanyard backup FILE`: a consistent copy of the database file, safe while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to FILE with SQLite's online backup (safe while `lanyard serve` runs).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The copy to make (an SQLite file; open it with --db FILE).")
    var file: String
    @Flag(help: "Replace FILE when it exists.")
    var force = false

    func run() async throws {
        try store.open().backup(toFile: file, overwrite: force)
        let console = Console.current
        if output.json {
            try console.json(["file": file])
        } else {
            console.line("Backed up \(store.location.databasePath) to \(file).")
        }
    }
}
