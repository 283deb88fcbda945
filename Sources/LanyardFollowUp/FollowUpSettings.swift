import Foundation
import LanyardStore

/// The follow-up part of `config.json` (in `StoreLocation.configDirectory`): SMTP server,
/// sender identity and schedule. The password is never stored here.
public struct FollowUpSettings: Codable, Sendable, Equatable {
    /// Where and how to send.
    public struct SMTP: Codable, Sendable, Equatable {
        public var url: String
        public var username: String
        public var caFile: String?
        public var insecure: Bool
        /// A shell command whose first output line is the password (`pass show smtp`).
        public var passwordCommand: String?

        public init(url: String, username: String, caFile: String? = nil, insecure: Bool = false, passwordCommand: String? = nil) {
            self.url = url
            self.username = username
            self.caFile = caFile
            self.insecure = insecure
            self.passwordCommand = passwordCommand
        }
    }

    /// Who the mail is from.
    public struct Sender: Codable, Sendable, Equatable {
        public var name: String
        public var email: String
        public var signature: String?

        public init(name: String, email: String, signature: String? = nil) {
            self.name = name
            self.email = email
            self.signature = signature
        }
    }

    /// When drafts fall due.
    public struct Schedule: Codable, Sendable, Equatable {
        /// Local time in the event's zone on the morning after the meeting, `HH:MM`.
        public var dueTime: String

        public init(dueTime: String = "09:00") {
            self.dueTime = dueTime
        }

        /// Hour and minute of `dueTime`, or nil when it is not `HH:MM`.
        public static func parse(_ text: String) -> (hour: Int, minute: Int)? {
            let parts = text.split(separator: ":")
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let h = Int(parts[0]), let m = Int(parts[1]),
                  (0..<24).contains(h), (0..<60).contains(m) else { return nil }
            return (h, m)
        }
    }

    public var smtp: SMTP?
    public var sender: Sender?
    public var followUp: Schedule?

    public init(smtp: SMTP? = nil, sender: Sender? = nil, followUp: Schedule? = nil) {
        self.smtp = smtp
        self.sender = sender
        self.followUp = followUp
    }

    /// The file inside the config folder.
    public static func fileURL(in configDirectory: String) -> URL {
        URL(fileURLWithPath: configDirectory).appendingPathComponent("config.json")
    }

    /// Reads the settings; a missing file means nothing is configured.
    public static func load(from configDirectory: String) throws -> FollowUpSettings {
        let url = fileURL(in: configDirectory)
        let object = try readObject(url)
        var settings = FollowUpSettings()
        let decoder = LanyardJSON.decoder()
        do {
            if let smtp = object["smtp"] { settings.smtp = try decoder.decode(SMTP.self, from: JSONSerialization.data(withJSONObject: smtp)) }
            if let sender = object["sender"] { settings.sender = try decoder.decode(Sender.self, from: JSONSerialization.data(withJSONObject: sender)) }
            if let schedule = object["follow_up"] { settings.followUp = try decoder.decode(Schedule.self, from: JSONSerialization.data(withJSONObject: schedule)) }
        } catch {
            throw FollowUpError.configFile(path: url.path, reason: "cannot read the settings (\(error)); fix or remove the file")
        }
        return settings
    }

    /// Writes the settings (file mode 0600, folder 0700), keeping any other keys in the file.
    public func save(to configDirectory: String) throws {
        let url = Self.fileURL(in: configDirectory)
        var object = try Self.readObject(url)
        let encoder = LanyardJSON.encoder()
        func json<T: Encodable>(_ value: T?) throws -> Any? {
            try value.map { try JSONSerialization.jsonObject(with: encoder.encode($0)) }
        }
        object["smtp"] = try json(smtp)
        object["sender"] = try json(sender)
        object["follow_up"] = try json(followUp)
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try StoreLocation.prepareDirectory(at: url.deletingLastPathComponent())
        let temp = url.deletingLastPathComponent().appendingPathComponent(".config.json.\(getpid())")
        guard FileManager.default.createFile(atPath: temp.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw FollowUpError.configFile(path: temp.path, reason: "cannot write")
        }
        chmod(temp.path, 0o600)
        guard rename(temp.path, url.path) == 0 else {
            throw FollowUpError.configFile(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    private static func readObject(_ url: URL) throws -> [String: Any] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        do {
            let data = try Data(contentsOf: url)
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw FollowUpError.configFile(path: url.path, reason: "is not a JSON object; fix or remove it")
            }
            return object
        } catch let error as FollowUpError {
            throw error
        } catch {
            throw FollowUpError.configFile(path: url.path, reason: "is not valid JSON (\(error.localizedDescription)); fix or remove it")
        }
    }
}
