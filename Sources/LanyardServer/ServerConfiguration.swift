import Foundation
import LanyardStore

/// What `lanyard serve` needs to start: where it listens and where data lives.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port (tests).
    public var port: Int
    public var location: StoreLocation
    /// Folder of shipped .ics editions, imported on first start when the database has none.
    public var eventsDirectory: URL?
    /// The largest request body accepted; larger ones get 413.
    public var maxBodyBytes: Int
    /// How long the background sender waits between two rounds of work.
    public var backgroundInterval: Duration
    /// What `/health` and `/openapi.json` report.
    public var version: String

    /// 1 MiB: a big .ics import fits, a runaway upload does not.
    public static let defaultMaxBodyBytes = 1 << 20

    public init(
        host: String = "127.0.0.1", port: Int = 8080, location: StoreLocation, eventsDirectory: URL? = nil,
        maxBodyBytes: Int = defaultMaxBodyBytes, backgroundInterval: Duration = .seconds(60), version: String = "0.1.0"
    ) {
        self.host = host
        self.port = port
        self.location = location
        self.eventsDirectory = eventsDirectory
        self.maxBodyBytes = maxBodyBytes
        self.backgroundInterval = backgroundInterval
        self.version = version
    }

    /// True for 127.0.0.0/8, ::1 and localhost.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
