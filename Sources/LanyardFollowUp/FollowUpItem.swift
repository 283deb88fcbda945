import Foundation
import LanyardStore

/// A follow-up as lists and `show` present it (JSON: snake_case keys, ISO 8601 dates).
public struct FollowUpItem: Codable, Sendable, Equatable {
    public var id: Int64
    public var state: FollowUp.State
    public var personId: Int64
    public var personName: String
    public var event: String
    public var to: String
    public var subject: String
    public var body: String
    public var template: String
    public var missing: [String]
    public var dueAt: Date
    public var messageId: String?
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var lastReply: Int?
    public var sentAt: Date?

    public init(_ followUp: FollowUp, personName: String, eventSlug: String) {
        self.id = followUp.id ?? 0
        self.state = followUp.state
        self.personId = followUp.personId
        self.personName = personName
        self.event = eventSlug
        self.to = followUp.toAddress
        self.subject = followUp.subject
        self.body = followUp.body
        self.template = followUp.template
        self.missing = FollowUp.missingNames(followUp.missing)
        self.dueAt = followUp.dueAt
        self.messageId = followUp.messageId
        self.attempts = followUp.attempts
        self.nextAttemptAt = followUp.nextAttemptAt
        self.lastError = followUp.lastError
        self.lastReply = followUp.lastReply
        self.sentAt = followUp.sentAt
    }
}

extension FollowUp {
    /// The `missing` column as a list (stored comma-separated).
    public static func missingNames(_ stored: String?) -> [String] {
        stored.map { $0.split(separator: ",").map(String.init) } ?? []
    }

    /// A list as the `missing` column stores it (nil when empty).
    static func storedMissing(_ names: [String]) -> String? {
        names.isEmpty ? nil : names.joined(separator: ",")
    }
}
