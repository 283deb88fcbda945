import Foundation

/// Errors found while building a message, before anything reaches curl.
public enum MailError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// An address that is not a plain ASCII `local@domain` (field names where it came from).
    case invalidAddress(field: String, value: String, reason: String)
    /// CR, LF or NUL in a header value: refused, since it could inject headers or SMTP commands.
    case forbiddenCharacter(field: String, character: String)
    /// A line of the built message is longer than RFC 5322's 998 octets.
    case lineTooLong(line: Int, length: Int)

    public var description: String {
        switch self {
        case let .invalidAddress(field, value, reason):
            "\(field): \(value.debugDescription) is not a usable email address (\(reason)); correct it and try again"
        case let .forbiddenCharacter(field, character):
            "\(field): contains \(character), which is never allowed in a header or address; remove it and try again"
        case let .lineTooLong(line, length):
            "message line \(line) is \(length) octets, over the 998 RFC 5322 allows"
        }
    }

    public var errorDescription: String? { description }
}
