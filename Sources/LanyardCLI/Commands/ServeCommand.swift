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
        abstract: "Run the HTTP service (JSON API, check-in page, background follow-ups)."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on; anything but loopback exposes your contacts to the network.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080
    @Option(name: .customLong("events-dir"), help: ArgumentHelp("Editions (.ics) imported on first start when there are none.", valueName: "path"))
    var eventsDirectory = "Events"
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        var logger = Logger(label: "lanyard")
        logger.logLevel = logLevel
        let configuration = ServerConfiguration(
            host: host, port: port, location: store.location,
            eventsDirectory: FileManager.default.fileExists(atPath: eventsDirectory) ? URL(fileURLWithPath: eventsDirectory) : nil)
        if !configuration.isLoopback {
            Console.current.message("warning: listening on \(host), not loopback: anyone who can reach this address can try to log in.")
        }
        let console = Console.current
        let app = try await buildApplication(configuration, logger: logger) { port in
            console.line("Lanyard is listening on http://\(host):\(port)/ (database: \(configuration.location.databasePath))")
        }
        try await app.runService()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
