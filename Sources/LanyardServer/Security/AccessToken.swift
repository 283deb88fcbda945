import Crypto
import Foundation

/// The server's access token, and the session and CSRF values derived from it.
///
/// The token itself only travels in `Authorization: Bearer` and the login form; browsers keep
/// a session value, HMAC-SHA-256(token, "lanyard-session-v1"), in an HttpOnly cookie, and
/// forms carry HMAC(token, "lanyard-csrf-v1:" + session). Every comparison is constant-time.
public struct AccessToken: Sendable {
    /// The secret, as printed on first start and kept in `server-token`.
    public let value: String
    /// The cookie value that stands for a logged-in browser.
    public let sessionValue: String
    private let valueDigest: [UInt8]
    private let sessionDigest: [UInt8]

    /// Wraps an existing secret (read from the token file, or fixed in tests).
    public init(_ value: String) {
        self.value = value
        self.valueDigest = Self.digest(value)
        self.sessionValue = Self.hmacHex(key: value, message: "lanyard-session-v1")
        self.sessionDigest = Self.digest(sessionValue)
    }

    /// A new token: 32 bytes from the system CSPRNG (getrandom), base64url without padding.
    public static func generate() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return AccessToken(base64URL(bytes))
    }

    /// True when `candidate` is the token; the time taken does not depend on where they differ.
    public func matches(_ candidate: String) -> Bool {
        Self.constantTimeEqual(Self.digest(candidate), valueDigest)
    }

    /// True when `candidate` is the session cookie value of this token.
    public func matchesSession(_ candidate: String) -> Bool {
        Self.constantTimeEqual(Self.digest(candidate), sessionDigest)
    }

    /// The CSRF value forms carry for `session`.
    public func csrfToken(forSession session: String) -> String {
        Self.hmacHex(key: value, message: "lanyard-csrf-v1:\(session)")
    }

    /// True when `candidate` is the CSRF value of `session`.
    public func verifiesCSRF(_ candidate: String, session: String) -> Bool {
        Self.constantTimeEqual(Self.digest(candidate), Self.digest(csrfToken(forSession: session)))
    }

    /// SHA-256 of `text`'s UTF-8 bytes (swift-crypto), so comparisons see equal-length values.
    static func digest(_ text: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(text.utf8)))
    }

    /// HMAC-SHA-256(key, message) as lowercase hex (swift-crypto).
    static func hmacHex(key: String, message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(key.utf8)))
        return code.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Compares two byte strings in time that depends only on their lengths.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// A random value for one-off uses (the login form's double-submit cookie).
    public static func randomValue(bytes count: Int = 16) -> String {
        var generator = SystemRandomNumberGenerator()
        return base64URL((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
