import Foundation
import LanyardStore

/// A meeting as the check-in answer shows it: `event` is the edition's name.
public struct MeetingView: Codable, Sendable, Equatable {
    public var id: Int64
    /// The edition's name ("SwiftConf 2025").
    public var event: String
    public var eventSlug: String
    public var at: Date
    /// The day in the event's time zone (`2025-09-14`).
    public var date: String
    public var booth: String?

    public init(_ meeting: Meeting, event: Event) {
        id = meeting.id ?? 0
        self.event = event.name
        eventSlug = event.slug
        at = meeting.at
        date = MeetingDay.string(for: meeting.at, timeZoneID: event.timeZone)
        booth = meeting.booth
    }
}
