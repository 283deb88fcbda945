import Foundation
import LanyardStore

/// Everything a user reads before walking up to someone: `lanyard people show` and the API.
public struct PersonProfile: Codable, Sendable, Equatable {
    /// An email address or phone number, with its label (work, home, ...).
    public struct ContactPoint: Codable, Sendable, Equatable {
        public var value: String
        public var label: String?

        public init(value: String, label: String? = nil) {
            self.value = value
            self.label = label
        }
    }

    /// A fact in force, with the values it had before (newest first).
    public struct FactEntry: Codable, Sendable, Equatable {
        public var key: String
        public var value: String
        public var learnedAt: Date
        /// The meeting it was learned at, if any.
        public var meetingId: Int64?
        public var history: [PastValue]
    }

    /// A value a fact used to have.
    public struct PastValue: Codable, Sendable, Equatable {
        public var value: String
        public var learnedAt: Date
        public var supersededAt: Date
    }

    /// One meeting: the event, the day (in the event's time zone), the booth.
    public struct MeetingEntry: Codable, Sendable, Equatable {
        public var id: Int64
        public var eventSlug: String
        public var eventName: String
        public var city: String?
        public var at: Date
        public var date: CalendarDay
        public var booth: String?
        public var context: String?
    }

    /// A note, with the event of its meeting when tied to one.
    public struct NoteEntry: Codable, Sendable, Equatable {
        public var id: Int64
        public var body: String
        public var createdAt: Date
        public var updatedAt: Date
        public var meetingId: Int64?
        public var eventSlug: String?
    }

    /// A follow-up email and where it stands.
    public struct FollowUpEntry: Codable, Sendable, Equatable {
        public var id: Int64
        public var eventSlug: String
        public var state: FollowUp.State
        public var subject: String
        public var toAddress: String
        public var dueAt: Date
        public var sentAt: Date?
    }

    public var id: Int64
    public var name: String
    public var company: String?
    public var title: String?
    public var linkedinUrl: String?
    public var emails: [ContactPoint]
    public var phones: [ContactPoint]
    /// Facts in force, by key.
    public var facts: [FactEntry]
    public var tags: [String]
    /// Newest first.
    public var meetings: [MeetingEntry]
    /// Newest first.
    public var notes: [NoteEntry]
    /// Newest first.
    public var followUps: [FollowUpEntry]
    /// The latest meeting, note or sent email; nil when there was none.
    public var lastInTouch: Date?
}
