import Foundation
import Hummingbird
import LanyardCLI
import LanyardServer
import LanyardStore
import Logging

extension ServeCommand {
    /// Runs the service these options describe until SIGINT or SIGTERM.
    func runServer() async throws {
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
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let app = try await buildApplication(configuration, token: access.token, logger: logger) { port in
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
