import Foundation
import Testing

/// The local aiosmtpd server that Scripts/test starts (Scripts/smtp-test-server.py), found
/// through the environment variables it exports; nil when they are absent.
public struct SMTPTestServer: Sendable {
    public let host: String
    public let port: Int
    public let tlsPort: Int
    public let caFile: String
    public let captureDirectory: URL
    public let username: String
    public let password: String

    public static let current: SMTPTestServer? = {
        let env = ProcessInfo.processInfo.environment
        guard let host = env["LANYARD_SMTP_TEST_HOST"], let port = env["LANYARD_SMTP_TEST_PORT"].flatMap(Int.init),
              let tlsPort = env["LANYARD_SMTPS_TEST_PORT"].flatMap(Int.init), let ca = env["LANYARD_SMTP_TEST_CA"],
              let capture = env["LANYARD_SMTP_TEST_CAPTURE"], let user = env["LANYARD_SMTP_TEST_USER"],
              let password = env["LANYARD_SMTP_TEST_PASSWORD"]
        else { return nil }
        return SMTPTestServer(host: host, port: port, tlsPort: tlsPort, caFile: ca,
                              captureDirectory: URL(fileURLWithPath: capture), username: user, password: password)
    }()

    public static let skipReason: Comment = "LANYARD_SMTP_TEST_* are not set: run Scripts/test, which starts the local SMTP server"

    public var startTLSURL: String { "smtp://\(host):\(port)" }
    public var implicitTLSURL: String { "smtps://\(host):\(tlsPort)" }

    /// One captured message: its raw bytes and envelope.
    public struct Capture: Sendable {
        public let raw: Data
        public let mailFrom: String
        public let recipients: [String]
    }

    /// Every captured message whose envelope names `recipient`.
    public func captures(for recipient: String) throws -> [Capture] {
        try captures { $0.contains(recipient) }
    }

    /// Every captured message whose envelope recipients pass `match`.
    public func captures(where match: ([String]) -> Bool) throws -> [Capture] {
        let files = try FileManager.default.contentsOfDirectory(at: captureDirectory, includingPropertiesForKeys: nil)
        var result: [Capture] = []
        for file in files where file.pathExtension == "json" && !file.lastPathComponent.hasPrefix(".") {
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            let recipients = meta["rcpt_tos"] as! [String]
            guard match(recipients) else { continue }
            let raw = try Data(contentsOf: file.deletingPathExtension().appendingPathExtension("eml"))
            result.append(Capture(raw: raw, mailFrom: meta["mail_from"] as! String, recipients: recipients))
        }
        return result
    }
}
