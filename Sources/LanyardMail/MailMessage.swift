import Foundation

/// A plain-text email, rendered as a complete RFC 5322 message (`rendered()`).
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    /// The text body; any line ending is accepted and written as CRLF.
    public var body: String
    public var date: Date
    /// `<unique@domain>`, made once (see `makeMessageID(domain:)`).
    public var messageID: String

    /// Checks the subject and Message-ID for CR, LF and NUL; addresses are checked by `MailAddress`.
    public init(from: MailAddress, to: MailAddress, subject: String, body: String, date: Date = Date(), messageID: String) throws {
        try MailAddress.refuseControls(in: subject, field: "subject")
        try MailAddress.refuseControls(in: messageID, field: "message-id")
        guard messageID.hasPrefix("<"), messageID.hasSuffix(">"), messageID.contains("@"),
              HeaderEncoding.isPlainASCII(messageID), !messageID.contains(" ")
        else { throw MailError.invalidAddress(field: "message-id", value: messageID, reason: "expected <unique@domain>") }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// A new globally unique Message-ID under `domain` (the sender's domain).
    public static func makeMessageID(domain: String) -> String {
        "<\(UUID().uuidString.lowercased())@\(domain)>"
    }
}
