import Foundation
import LanyardStore

/// What one merge moved or dropped, stored in `mergeRecord.snapshot` so that unmerge can
/// restore the merged person under its old id with everything that was theirs.
public struct MergeSnapshot: Codable, Sendable, Equatable {
    /// A fact that moved, with the `supersededAt` it had before the merge.
    public struct FactMove: Codable, Sendable, Equatable {
        public var id: Int64
        public var supersededAt: Date?
    }

    /// The kept person's fields before the merge filled gaps from the merged one.
    public struct KeptFields: Codable, Sendable, Equatable {
        public var company: String?
        public var title: String?
        public var linkedinURL: String?
        public var linkedinKey: String?
    }

    public var person: Person
    public var meetingIds: [Int64] = []
    public var noteIds: [Int64] = []
    public var facts: [FactMove] = []
    /// Every tag the merged person had; `movedTags` are those the kept person did not have.
    public var tags: [Tag] = []
    public var movedTags: [String] = []
    public var movedEmailIds: [Int64] = []
    /// Emails the kept person already had (same normalised address), restored on unmerge.
    public var droppedEmails: [PersonEmail] = []
    public var movedPhoneIds: [Int64] = []
    public var droppedPhones: [PersonPhone] = []
    public var movedFollowUpIds: [Int64] = []
    /// Follow-ups for an event the kept person already had one for.
    public var droppedFollowUps: [FollowUp] = []
    /// Earlier merges into the merged person, re-pointed to the kept one.
    public var mergeRecordIds: [Int64] = []
    /// The imported contact records the merged person stood for (nil in merges made before
    /// migration "v7-imported-contact").
    public var importedContactIds: [Int64]?
    public var kept: KeptFields

    static func encode(_ snapshot: MergeSnapshot) throws -> String {
        String(decoding: try JSONEncoder().encode(snapshot), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> MergeSnapshot {
        try JSONDecoder().decode(MergeSnapshot.self, from: Data(text.utf8))
    }
}
