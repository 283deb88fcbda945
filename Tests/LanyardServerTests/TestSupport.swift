import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardServer
import LanyardStore
import Logging
import NIOCore
import Synchronization

/// A fresh server for one test: its own temp folder, SQLite file, config folder and token.
final class TestServer: Sendable {
    let directory: URL
    let database: AppDatabase
    let token: AccessToken
    let configuration: ServerConfiguration

    init(maxBodyBytes: Int = 64 * 1024, host: String = "127.0.0.1") throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let location = StoreLocation(
            databasePath: directory.appendingPathComponent("test.sqlite").path,
            configDirectory: directory.appendingPathComponent("config").path)
        database = try AppDatabase.open(at: location.databasePath)
        token = AccessToken.generate()
        configuration = ServerConfiguration(host: host, port: 0, location: location, maxBodyBytes: maxBodyBytes, backgroundInterval: .milliseconds(50))
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The application as `lanyard serve` builds it, on this test's database.
    func app(jobs: [BackgroundJob] = [], onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
        try await buildApplication(configuration, token: token, database: database, jobs: jobs, logger: Self.logger, onServerRunning: onServerRunning)
    }

    /// The router alone, to read its routes.
    func router() -> Router<LanyardRequestContext> {
        buildRouter(configuration, token: token, database: database, logger: Self.logger)
    }

    /// `Authorization: Bearer TOKEN`, plus `extra`.
    func bearer(_ extra: HTTPFields = [:]) -> HTTPFields {
        var fields: HTTPFields = [.authorization: "Bearer \(token.value)"]
        fields.append(contentsOf: extra)
        return fields
    }

    /// The headers of a browser that logged in: the session cookie, plus `extra`.
    func browser(_ extra: HTTPFields = [:]) -> HTTPFields {
        var fields: HTTPFields = [.cookie: "lanyard_session=\(token.sessionValue)", .accept: "text/html"]
        fields.append(contentsOf: extra)
        return fields
    }

    static let logger: Logger = {
        var logger = Logger(label: "lanyard-test")
        logger.logLevel = .warning
        return logger
    }()
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body decoded as Lanyard JSON.
    func json<T: Decodable>(_ type: T.Type) throws -> T {
        try LanyardJSON.decoder().decode(T.self, from: Data(body.readableBytesView))
    }

    /// The `error` member of an API error body.
    var errorMessage: String? {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?["error"] as? String
    }

    /// The value of the cookie `name` this response sets, if any.
    func setCookie(_ name: String) -> String? {
        headers[values: .setCookie].first { $0.hasPrefix("\(name)=") }
    }
}

/// A request body from text.
func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// A form body, percent-encoded.
func form(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    return ByteBuffer(string: text)
}

/// The CSRF value of the first form in a page.
func csrf(in html: String) -> String? {
    html.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.1) }
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
let jsonHeaders: HTTPFields = [.contentType: "application/json"]

/// A small iCalendar file with one edition.
let sampleCalendar = """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//Lanyard tests//EN\r
    BEGIN:VEVENT\r
    UID:swiftconf-2026@example.org\r
    SUMMARY:SwiftConf 2026\r
    DTSTART;VALUE=DATE:20260914\r
    DTEND;VALUE=DATE:20260916\r
    LOCATION:Congress Centre, Berlin, Germany\r
    END:VEVENT\r
    END:VCALENDAR\r

    """

/// A log handler that keeps what was logged, to check what the server said it did.
final class LogCapture: Sendable {
    struct Entry: Sendable {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let entries = Mutex<[Entry]>([])

    var logged: [Entry] { entries.withLock { $0 } }

    /// A logger whose entries land here.
    func logger(level: Logger.Level = .debug) -> Logger {
        var logger = Logger(label: "capture") { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var all = metadata
            all.merge(event.metadata ?? [:]) { _, new in new }
            capture.append(Entry(level: event.level, message: "\(event.message)", metadata: all.mapValues { "\($0)" }))
        }
    }
}
