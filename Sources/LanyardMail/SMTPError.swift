import Foundation

/// A send that did not end with the server's 250, classified for the outbox.
public struct SMTPError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// What the failure means for the message.
    public enum Kind: String, Sendable, Equatable {
        /// Login denied (535 / curl 67): a configuration problem; stop and fix it.
        case authentication
        /// A 4xx reply: try again later.
        case temporary
        /// A 5xx reply: the server refused the message for good.
        case permanent
        /// No connection, TLS or certificate failure, or a timeout before the body: try later.
        case connection
        /// The body was sent and no final reply came: the server may have queued it.
        case unknownOutcome
    }

    public var kind: Kind
    /// The CURLcode number.
    public var curlCode: Int
    /// `curl_easy_strerror` for that code.
    public var curlMessage: String
    /// The last SMTP reply code (0 when none came).
    public var reply: Int
    /// The last reply line the server sent, if any ("550 5.1.1 No such user").
    public var replyText: String?
    /// The envelope recipient the send was for.
    public var recipient: String

    public init(kind: Kind, curlCode: Int, curlMessage: String, reply: Int, replyText: String?, recipient: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.curlMessage = curlMessage
        self.reply = reply
        self.replyText = replyText
        self.recipient = recipient
    }

    public var description: String {
        let server = replyText.map { ", server said \"\($0)\"" } ?? (reply > 0 ? ", last reply \(reply)" : "")
        let detail = "curl \(curlCode): \(curlMessage)\(server)"
        switch kind {
        case .authentication:
            return "SMTP login was denied (\(detail)); fix the username or password (lanyard config smtp, LANYARD_SMTP_PASSWORD or password_command)"
        case .temporary:
            return "the SMTP server deferred the message to \(recipient) (\(detail)); it will be retried later"
        case .permanent:
            return "the SMTP server refused the message to \(recipient) (\(detail)); it will not be retried"
        case .connection:
            return "could not talk to the SMTP server (\(detail)); check the URL, network and certificate (--ca-file); it will be retried later"
        case .unknownOutcome:
            return "the message to \(recipient) was sent but the server did not confirm it (\(detail)); check the mailbox, then run `lanyard followup resolve ID sent|retry`"
        }
    }

    public var errorDescription: String? { description }
}
