import Foundation
import LanyardStore
import Logging

/// The follow-up module's entry point, shared by the CLI and the server's background service:
/// drafting, approval and sending. Settings are re-read from `config.json` on every call.
public struct FollowUpService: Sendable {
    public let database: AppDatabase
    /// The folder of `config.json` and `templates/`.
    public let configDirectory: String
    /// Where the SMTP password may come from (`LANYARD_SMTP_PASSWORD`).
    public let environment: [String: String]
    public let logger: Logger
    /// Seconds allowed for connecting and for each SMTP reply.
    public var connectTimeout: TimeInterval = 20
    public var responseTimeout: TimeInterval = 60
    /// How long a claimed send may take before it is presumed dead (then `unknown`).
    public var sendingLease: TimeInterval = 15 * 60
    /// After this many attempts a follow-up in retry is marked failed.
    public var maxAttempts = 8

    public init(
        database: AppDatabase, configDirectory: String,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "lanyard.followup")
    ) {
        self.database = database
        self.configDirectory = configDirectory
        self.environment = environment
        self.logger = logger
    }

    /// The current settings from `config.json`.
    public func settings() throws -> FollowUpSettings {
        try FollowUpSettings.load(from: configDirectory)
    }

    /// Backoff before retry number `attempts + 1`: 5 minutes, doubling, at most 6 hours.
    public static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(5 * 60 * pow(2, Double(max(0, attempts - 1))), 6 * 3600)
    }
}
