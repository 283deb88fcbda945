import ArgumentParser
import Foundation
import Hummingbird
import LanyardServer
import LanyardStore
import Logging

/// `lanyard serve`: the HTTP service for the phone at the booth.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service (JSON API, check-in page, background follow-ups).",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise. Every route but /health needs the
            access token, made on first start and kept in server-token in the config folder
            ($LANYARD_CONFIG_DIR, else $XDG_CONFIG_HOME/lanyard). SIGINT or SIGTERM stop it
            gracefully: requests in flight finish, the background sender stops after its job.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on; anything but loopback exposes your contacts to the network.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080
    @Option(name: .customLong("events-dir"), help: ArgumentHelp("Editions (.ics) imported on first start when there are none.", valueName: "path"))
    var eventsDirectory = "Events"
    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body accepted, in bytes.", valueName: "bytes"))
    var maxBodyBytes = ServerConfiguration.defaultMaxBodyBytes
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port (0-65535)") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body: at least 1024 bytes") }
    }

    func run() async throws {
        var logger = Logger(label: "lanyard")
        logger.logLevel = logLevel
        let location = store.location
        let configuration = ServerConfiguration(
            host: host, port: port, location: location,
            eventsDirectory: FileManager.default.fileExists(atPath: eventsDirectory) ? URL(fileURLWithPath: eventsDirectory) : nil,
            maxBodyBytes: maxBodyBytes, version: LanyardVersion.current)
        let console = Console.current
        if !configuration.isLoopback {
            console.message("warning: listening on \(host), not loopback: anyone who can reach this address can try to log in.")
        }
        let access = try AccessToken.loadOrCreate(inDirectory: location.configDirectory)
        for warning in access.warnings { console.message("warning: \(warning)") }
        let app = try await buildApplication(configuration, token: access.token, logger: logger) { port in
            let shownHost = host.contains(":") ? "[\(host)]" : host
            console.line("Lanyard is listening on http://\(shownHost):\(port)/ (database: \(location.databasePath))")
            if access.created {
                console.line("Access token (shown this once; kept in \(access.path)):")
                console.line("  \(access.token.value)")
                console.line("Open http://\(shownHost):\(port)/login and paste it, or send `Authorization: Bearer TOKEN`.")
            } else {
                console.line("Log in with the access token in \(access.path).")
            }
        }
        try await app.runService()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
