import Foundation
import LanyardStore

/// A note as the check-in answer shows it.
public struct NoteView: Codable, Sendable, Equatable {
    public var id: Int64
    public var body: String
    public var meetingId: Int64?
    public var createdAt: Date

    public init(_ note: Note) {
        id = note.id ?? 0
        body = note.body
        meetingId = note.meetingId
        createdAt = note.createdAt
    }
}
