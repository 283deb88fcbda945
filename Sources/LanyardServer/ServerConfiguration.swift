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

    public init(host: String = "127.0.0.1", port: Int = 8080, location: StoreLocation, eventsDirectory: URL? = nil) {
        self.host = host
        self.port = port
        self.location = location
        self.eventsDirectory = eventsDirectory
    }

    /// True for 127.0.0.0/8, ::1 and localhost.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
