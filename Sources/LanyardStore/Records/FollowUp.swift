import Foundation
import GRDB

/// A thank-you email to one person for one event, from draft to sent.
public struct FollowUp: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "followUp"

    /// The outbox states. `sending` is committed before curl is called, so a crash leaves
    /// evidence; `unknown` is never resent automatically.
    public enum State: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case draft, approved, sending, sent, retry, failed, unknown, skipped
    }

    public var id: Int64?
    public var personId: Int64
    public var eventId: Int64
    public var meetingId: Int64?
    public var state: State
    public var toAddress: String
    public var subject: String
    public var body: String
    /// The template the draft came from (a file name or "default").
    public var template: String
    /// Values the template needed and the person lacks ("first_name"); a draft with missing
    /// values cannot be approved until edited.
    public var missing: String?
    /// When it should go out: the morning after the meeting day.
    public var dueAt: Date
    /// Made once, at approval.
    public var messageId: String?
    /// The exact RFC 5322 bytes frozen at approval.
    public var message: Data?
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var leaseUntil: Date?
    public var lastError: String?
    public var lastReply: Int?
    public var sentAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, personId: Int64, eventId: Int64, meetingId: Int64? = nil, state: State = .draft,
        toAddress: String, subject: String, body: String, template: String, missing: String? = nil,
        dueAt: Date, messageId: String? = nil, message: Data? = nil, attempts: Int = 0,
        nextAttemptAt: Date? = nil, leaseUntil: Date? = nil, lastError: String? = nil, lastReply: Int? = nil,
        sentAt: Date? = nil, createdAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.personId = personId
        self.eventId = eventId
        self.meetingId = meetingId
        self.state = state
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.template = template
        self.missing = missing
        self.dueAt = dueAt
        self.messageId = messageId
        self.message = message
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.leaseUntil = leaseUntil
        self.lastError = lastError
        self.lastReply = lastReply
        self.sentAt = sentAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let personId = Column(CodingKeys.personId)
        public static let eventId = Column(CodingKeys.eventId)
        public static let state = Column(CodingKeys.state)
        public static let dueAt = Column(CodingKeys.dueAt)
        public static let nextAttemptAt = Column(CodingKeys.nextAttemptAt)
        public static let sentAt = Column(CodingKeys.sentAt)
    }

    public static let person = belongsTo(Person.self)
    public static let event = belongsTo(Event.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What one `people merge` moved, kept so that `people unmerge` can put it back.
public struct MergeRecord: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "mergeRecord"

    public var id: Int64?
    public var keptPersonId: Int64
    /// The id the merged person had; unmerge restores it under the same id.
    public var mergedPersonId: Int64
    /// JSON of what moved (the merged person's row and the ids of everything re-pointed).
    public var snapshot: String
    public var createdAt: Date
    public var undoneAt: Date?

    public init(id: Int64? = nil, keptPersonId: Int64, mergedPersonId: Int64, snapshot: String, createdAt: Date = Date(), undoneAt: Date? = nil) {
        self.id = id
        self.keptPersonId = keptPersonId
        self.mergedPersonId = mergedPersonId
        self.snapshot = snapshot
        self.createdAt = createdAt
        self.undoneAt = undoneAt
    }

    public enum Columns {
        public static let keptPersonId = Column(CodingKeys.keptPersonId)
        public static let mergedPersonId = Column(CodingKeys.mergedPersonId)
        public static let undoneAt = Column(CodingKeys.undoneAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
