import Foundation
import LanyardStore

/// One person in a briefing: who they are now, the shared history, what is known and what is
/// still open, and why they are listed.
public struct BriefingPerson: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    /// Company and title as they stand now.
    public var company: String?
    public var title: String?
    /// Why this person is in the briefing ("met at SwiftConf 2024 and SwiftConf 2025").
    public var reasons: [String]
    /// `stale`, `never_followed_up`, `new`.
    public var flags: [Flag]
    /// The relationship strength the list is ordered by (see `RelationshipStrength`).
    public var strength: Int
    /// Every meeting at an earlier edition of the series, oldest first.
    public var seriesMeetings: [MeetingLine]
    /// Meetings elsewhere inside the section 2 window, oldest first (section 2 only).
    public var otherMeetings: [MeetingLine]
    /// The latest meeting, note or sent email; nil when there was never any contact.
    public var lastInTouch: Date?
    /// Things to ask about, from facts keyed `ask about` and tags `ask-about: ...`.
    public var askAbout: [String]
    /// The other facts in force, by key.
    public var facts: [FactLine]
    /// The newest notes, newest first (at most `Briefing.newestNotesShown`).
    public var notes: [NoteLine]
    /// How many notes there are in all.
    public var noteCount: Int
    /// Follow-ups that were never sent (drafts, approved, failed, ...), oldest due first.
    public var unsentFollowUps: [FollowUpLine]

    /// A mark the briefing puts on a person.
    public enum Flag: String, Codable, Sendable, CaseIterable {
        /// No contact for more than the stale period.
        case stale
        /// Met, and no follow-up was ever sent.
        case neverFollowedUp = "never_followed_up"
        /// First met at or after the start of the last earlier edition.
        case new

        /// The words a reader sees.
        public var label: String {
            switch self {
            case .stale: "stale"
            case .neverFollowedUp: "never followed up"
            case .new: "new"
            }
        }
    }

    /// One meeting: where, which year, at which booth.
    public struct MeetingLine: Codable, Sendable, Equatable {
        public var eventSlug: String
        public var eventName: String
        public var year: Int
        /// The day of the meeting in the event's time zone.
        public var day: CalendarDay
        public var city: String?
        public var booth: String?
        public var context: String?
    }

    /// A personal detail in force.
    public struct FactLine: Codable, Sendable, Equatable {
        public var key: String
        public var value: String
    }

    /// A note, with when it was written.
    public struct NoteLine: Codable, Sendable, Equatable {
        public var createdAt: Date
        public var body: String
    }

    /// A follow-up that never went out.
    public struct FollowUpLine: Codable, Sendable, Equatable {
        public var eventSlug: String
        public var eventName: String
        public var subject: String
        public var state: String
        public var dueAt: Date
    }

    /// True when the person carries `flag`.
    public func has(_ flag: Flag) -> Bool { flags.contains(flag) }
}
