import Foundation
import LanyardFormats
import LanyardStore

/// The read-only half of a check-in: the event, who the contact is (recognition's decision)
/// and what the answer shows of them, all read from one consistent view of the book
/// (`AppDatabase.planCheckIn`). `AppDatabase.checkIn` makes it inside its write transaction;
/// `CheckInQueue` makes it on a reader snapshot, off the writer, and writes with it only when
/// nothing in its `footprint` changed since.
public struct CheckInPlan: Sendable {
    /// A person known before this check-in, as the plan read them.
    struct Known: Sendable {
        var person: Person
        /// The evidence that attached the check-in ("email", …, or "same-as").
        var matchedBy: [String]
        /// Emails and phones as stored, in id order, and their normalised keys.
        var emails: [String]
        var phones: [String]
        var emailKeys: Set<String>
        var phoneKeys: Set<String>
        /// Their meetings, newest first (the answer's `previous_meetings`).
        var meetings: [MeetingView]
        /// Their notes, newest first.
        var notes: [Note]
    }

    var request: CheckInRequest
    var contact: ContactCard
    var query: ContactQuery
    var event: Event
    /// The person the meeting goes to; nil: a new person made from the contact.
    var known: Known?
    /// The possible matches shown in the answer, best first.
    var candidates: [CandidateView]
    /// The keys and people the plan read.
    public internal(set) var footprint: CheckInFootprint

    /// What a check-in written with this plan changes, in the terms of `footprint`: its person
    /// (meetings, notes, details), every key the contact can be stored under, and the name
    /// keys the known person had.
    func written(personId: Int64) -> CheckInFootprint {
        var changes = CheckInFootprint.stored(from: query)
        changes.insert(person: personId)
        if let person = known?.person, let name = PersonName(normalized: person.normalizedName, display: person.name) {
            changes.insert(nameKeysOf: name)
        }
        return changes
    }
}
