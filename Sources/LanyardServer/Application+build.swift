import Foundation
import Hummingbird
import LanyardEvents
import LanyardStore
import Logging

/// Builds the whole application: opens the store, imports the shipped editions on first
/// start, and wires the router. `lanyard serve` and the tests call this same function.
public func buildApplication(
    _ configuration: ServerConfiguration,
    database: AppDatabase? = nil,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let database = try database ?? AppDatabase.open(at: configuration.location.databasePath, logger: logger)
    if let directory = configuration.eventsDirectory,
       let summary = try database.importEventsIfEmpty(directory: directory) {
        logger.info("imported shipped editions", metadata: ["added": "\(summary.added.count)", "from": "\(directory.path)"])
    }
    let router = buildRouter(database: database, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "lanyard"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// The routes, over the same module calls the CLI uses.
public func buildRouter(database: AppDatabase, logger: Logger) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.get("/health") { _, _ in
        HealthResponse(status: "ok", version: "0.1.0")
    }
    return router
}

/// The body of `GET /health`.
struct HealthResponse: ResponseEncodable {
    var status: String
    var version: String
}
