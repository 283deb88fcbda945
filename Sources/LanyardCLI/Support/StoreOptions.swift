import ArgumentParser
import Foundation
import LanyardStore

/// `--db PATH`, shared by every command that touches data.
public struct StoreOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The database file (default: $LANYARD_DB, else $XDG_DATA_HOME/lanyard/lanyard.sqlite).",
        valueName: "path"))
    public var databasePath: String?

    public init() {}

    /// Where data and configuration live for this invocation.
    public var location: StoreLocation {
        StoreLocation.resolve(databaseOption: databasePath)
    }

    /// Opens (creating and migrating when needed) the database.
    public func open() throws -> AppDatabase {
        try AppDatabase.open(at: location.databasePath)
    }
}

/// `--json`, for every command that prints data.
public struct OutputOptions: ParsableArguments, Sendable {
    @Flag(name: .long, help: "Print one JSON document on stdout and nothing else.")
    public var json = false

    public init() {}
}
