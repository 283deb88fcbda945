import Foundation

/// How strong a relationship is, to order a briefing strongest first:
///
///     strength = 3 × meetings + 2 × notes + 4 × follow-ups sent + recency
///     recency  = 6 when last in touch within 90 days, 4 within 180, 2 within 365, else 0
///
/// Meetings and notes count everywhere, not only at the series. Ties go to the more recent
/// contact, then to the address-book order.
public struct RelationshipStrength: Sendable, Equatable {
    public var meetings: Int
    public var notes: Int
    public var followUpsSent: Int
    public var lastInTouch: Date?

    /// The inputs of the formula.
    public init(meetings: Int, notes: Int, followUpsSent: Int, lastInTouch: Date?) {
        self.meetings = meetings
        self.notes = notes
        self.followUpsSent = followUpsSent
        self.lastInTouch = lastInTouch
    }

    /// The score at `now`.
    public func score(at now: Date) -> Int {
        3 * meetings + 2 * notes + 4 * followUpsSent + recency(at: now)
    }

    /// The recency points at `now`.
    public func recency(at now: Date) -> Int {
        guard let lastInTouch else { return 0 }
        let days = now.timeIntervalSince(lastInTouch) / 86_400
        switch days {
        case ..<90: return 6
        case ..<180: return 4
        case ..<365: return 2
        default: return 0
        }
    }
}
