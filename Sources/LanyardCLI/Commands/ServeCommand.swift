import ArgumentParser
import Foundation
import LanyardStore
import Logging

/// `lanyard serve`: the HTTP service for the phone at the booth. The CLI parses and checks the
/// options, then replaces itself with `lanyard-server` (built beside it) given the same options:
/// Hummingbird, NIO and swift-crypto are linked into that executable only, so the commands that
/// never serve start without loading them.
public struct ServeCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service (JSON API, check-in page, background follow-ups).",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise. Every route but /health needs the
            access token, made on first start and kept in server-token in the config folder
            ($LANYARD_CONFIG_DIR, else $XDG_CONFIG_HOME/lanyard). SIGINT or SIGTERM stop it
            gracefully: requests in flight finish, the background sender stops after its job.
            """
    )

    /// The largest request body accepted when `--max-body` is not given (1 MiB).
    public static let defaultMaxBodyBytes = 1 << 20

    @OptionGroup public var store: StoreOptions

    @Option(help: "The address to listen on; anything but loopback exposes your contacts to the network.")
    public var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).")
    public var port = 8080
    @Option(name: .customLong("events-dir"), help: ArgumentHelp("Editions (.ics) imported on first start when there are none.", valueName: "path"))
    public var eventsDirectory = "Events"
    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    public var maxBodyBytes = ServeCommand.defaultMaxBodyBytes
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    public var logLevel: Logger.Level = .info

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port (0-65535)") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body: at least 1024 bytes") }
    }

    /// Execs `lanyard-server` with `serverArguments`; returns only when that fails.
    public func run() async throws {
        try ServerExecutable.exec(arguments: serverArguments)
    }

    /// Every option spelled out, so that `lanyard-server` parses exactly these values
    /// (`--name=value`: a value starting with a dash stays a value).
    public var serverArguments: [String] {
        var arguments = [
            "--host=\(host)", "--port=\(port)", "--events-dir=\(eventsDirectory)",
            "--max-body=\(maxBodyBytes)", "--log-level=\(logLevel.rawValue)",
        ]
        if let path = store.databasePath { arguments.append("--db=\(path)") }
        return arguments
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
