import Foundation

/// How to reach the SMTP server: URL, credentials, TLS trust and timeouts.
public struct SMTPConfiguration: Sendable, Equatable {
    /// `smtps://host[:465]` (TLS from the first byte) or `smtp://host[:587]` (STARTTLS required).
    public var url: String
    public var username: String?
    /// Never stored by Lanyard; comes from the environment or a password command.
    public var password: String?
    /// A PEM file of certificates to trust (a private server's CA); verification stays on.
    public var caFile: String?
    /// Plain `smtp://` without TLS; only accepted for a loopback host.
    public var insecure: Bool
    /// Seconds allowed to open the connection (TCP and TLS).
    public var connectTimeout: TimeInterval
    /// Seconds allowed for each server reply, the one after the body included.
    public var responseTimeout: TimeInterval

    public init(
        url: String, username: String? = nil, password: String? = nil, caFile: String? = nil,
        insecure: Bool = false, connectTimeout: TimeInterval = 20, responseTimeout: TimeInterval = 60
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.caFile = caFile
        self.insecure = insecure
        self.connectTimeout = connectTimeout
        self.responseTimeout = responseTimeout
    }

    /// The security the URL and flags ask for.
    public enum Security: Sendable, Equatable {
        case implicitTLS, startTLS, none
    }

    /// Checks the URL and the TLS rules, returning the security to use; throws
    /// `SMTPConfigurationError` naming the field and the fix.
    public func validate() throws -> Security {
        for (field, value) in [("url", url), ("username", username ?? ""), ("password", password ?? ""), ("ca_file", caFile ?? "")] {
            if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw SMTPConfigurationError.invalid(field: field, reason: "contains a control character")
            }
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { throw SMTPConfigurationError.invalid(field: "url", reason: "\(url.debugDescription) is not a URL like smtps://mail.example.com:465") }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw SMTPConfigurationError.invalid(field: "ca_file", reason: "cannot read \(caFile)")
        }
        switch scheme {
        case "smtps":
            return .implicitTLS
        case "smtp":
            guard insecure else { return .startTLS }
            guard Self.isLoopback(host) else {
                throw SMTPConfigurationError.invalid(field: "insecure", reason: "plain SMTP without TLS is only allowed to a loopback host, not \(host); drop --insecure")
            }
            return .none
        default:
            throw SMTPConfigurationError.invalid(field: "url", reason: "the scheme must be smtps:// or smtp://, not \(scheme)://")
        }
    }

    /// localhost, 127.0.0.0/8 or ::1.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h == "::1" { return true }
        let octets = h.split(separator: ".")
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

/// A configuration that cannot be used, with the field to fix.
public enum SMTPConfigurationError: Error, Equatable, LocalizedError, CustomStringConvertible {
    case invalid(field: String, reason: String)

    public var description: String {
        switch self {
        case let .invalid(field, reason): "SMTP configuration, \(field): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
