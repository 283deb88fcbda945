import Foundation
/// The answer to a check-in, as `lanyard checkin --json` prints it and the HTTP API returns
/// it. Scripts and the web page rely on these names.
public struct CheckInResult: Codable, Sendable, Equatable {
    public var person: PersonView
    public var meeting: MeetingView
    /// True when the meeting was attached to someone known before this check-in.
    public var recognized: Bool
    /// The evidence that attached it: "email", "phone", "linkedin", "name", "company", "same-as".
    public var matchedBy: [String]
    /// Earlier meetings with this person, newest first.
    public var previousMeetings: [MeetingView]
    /// Notes on this person, newest first (the one given with this check-in included).
    public var notes: [NoteView]
    /// Possible matches when none was strong enough, best first.
    public var candidates: [CandidateView]

    public init(
        person: PersonView, meeting: MeetingView, recognized: Bool, matchedBy: [String],
        previousMeetings: [MeetingView], notes: [NoteView], candidates: [CandidateView]
    ) {
        self.person = person
        self.meeting = meeting
        self.recognized = recognized
        self.matchedBy = matchedBy
        self.previousMeetings = previousMeetings
        self.notes = notes
        self.candidates = candidates
    }
}
