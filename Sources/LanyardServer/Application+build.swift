import Foundation
import Hummingbird
import LanyardEvents
import LanyardFollowUp
import LanyardStore
import Logging
import ServiceLifecycle

/// Builds the whole application: opens the store (one `DatabasePool`), imports the shipped
/// editions on first start, wires the router and adds the background sender. `lanyard serve`
/// and the tests call this same function; run it with `app.runService()`.
public func buildApplication(
    _ configuration: ServerConfiguration,
    token: AccessToken,
    database: AppDatabase? = nil,
    jobs: [BackgroundJob]? = nil,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let database = try database ?? AppDatabase.open(at: configuration.location.databasePath, logger: logger)
    if let directory = configuration.eventsDirectory,
       let summary = try database.importEventsIfEmpty(directory: directory) {
        logger.info("imported shipped editions", metadata: ["added": "\(summary.added.count)", "from": "\(directory.path)"])
    }
    let router = buildRouter(configuration, token: token, database: database, logger: logger)
    let sender = BackgroundSender(
        jobs: jobs ?? BackgroundJob.followUps(service: followUpService(configuration, database: database, logger: logger)),
        interval: configuration.backgroundInterval,
        logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "lanyard"),
        services: [sender, WALCheckpointService(checkpointer: try WALCheckpointer(database), logger: logger)],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// The routes, over the same module calls the CLI uses. Middleware order: errors become
/// answers, then the body limit, then the token check, then the route.
public func buildRouter(
    _ configuration: ServerConfiguration,
    token: AccessToken,
    database: AppDatabase,
    logger: Logger
) -> Router<LanyardRequestContext> {
    let followUps = followUpService(configuration, database: database, logger: logger)
    let router = Router(context: LanyardRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: BodyLimitMiddleware(maxBytes: configuration.maxBodyBytes))
    router.add(middleware: AuthMiddleware(token: token))

    // MARK: - JSON API
    router.addRoutes(ServiceController(version: configuration.version).endpoints)
    router.addRoutes(EventsController(database: database).endpoints)
    let checkIns = CheckInQueue(database: database)
    router.addRoutes(CheckInsController(checkIns: checkIns).endpoints)
    router.addRoutes(PeopleController(database: database).endpoints)
    router.addRoutes(NotesController(database: database).endpoints)
    router.addRoutes(BriefingController(database: database).endpoints)
    router.addRoutes(FollowUpsController(service: followUps).endpoints)

    // MARK: - Pages
    router.addRoutes(LoginController(token: token).endpoints)
    router.addRoutes(CheckInPageController(database: database, checkIns: checkIns, token: token).endpoints)
    router.addRoutes(EventsPageController(database: database, token: token).endpoints)
    router.addRoutes(PersonPageController(database: database, token: token).endpoints)
    router.addRoutes(FollowUpsPageController(service: followUps, token: token).endpoints)
    return router
}

/// The follow-up module over this server's database and config folder (`config.json`,
/// `templates/`), shared by the API, the review page and the background sender.
func followUpService(_ configuration: ServerConfiguration, database: AppDatabase, logger: Logger) -> FollowUpService {
    FollowUpService(database: database, configDirectory: configuration.location.configDirectory, logger: logger)
}
