import Foundation
import LanyardStore

/// Someone a name could mean: listed when a name is ambiguous.
public struct PersonCandidate: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var company: String?

    public init(id: Int64, name: String, company: String?) {
        self.id = id
        self.name = name
        self.company = company
    }
}

/// Errors of the notes module: each says what was wrong and what to do.
public enum NotesError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// No person has this id (all digits) or a name matching it.
    case unknownPerson(String)
    /// More than one person matches the name; nothing was changed.
    case ambiguousPerson(String, candidates: [PersonCandidate])
    /// No note has this id.
    case unknownNote(Int64)
    /// No meeting has this id, or it is with someone else.
    case unknownMeeting(Int64, personId: Int64)
    /// No event has this slug.
    case unknownEvent(String)
    /// The person has no current value for this fact.
    case unknownFact(person: String, key: String)
    /// A note with no text.
    case emptyNote
    /// A fact value with no text.
    case emptyFactValue(key: String)
    /// A tag or fact key with no letter or digit in it.
    case invalidName(field: String, given: String)
    /// A search query with no word in it.
    case emptyQuery(String)
    /// The editor could not be started or exited with an error.
    case editorFailed(editor: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownPerson(reference) where Self.isPersonId(reference):
            "no person with id \(reference) (see `lanyard people list`)"
        case let .unknownPerson(reference):
            "no person matches \"\(reference)\": give an id or more of the name (try `lanyard search \(reference)`)"
        case let .ambiguousPerson(reference, candidates):
            "\"\(reference)\" matches \(candidates.count >= AppDatabase.candidateListLimit ? "\(candidates.count) or more" : "\(candidates.count)") people; "
                + "nothing was changed. Use an id or the full name:\n"
                + candidates.map { "  \($0.id)  \($0.name)\($0.company.map { " (\($0))" } ?? "")" }.joined(separator: "\n")
        case let .unknownNote(id):
            "no note with id \(id) (see `lanyard notes list PERSON`)"
        case let .unknownMeeting(id, personId):
            "--meeting \(id): no meeting with that id for person \(personId) (see `lanyard people show \(personId)`)"
        case let .unknownEvent(slug):
            "--event \(slug): no event with that slug (see `lanyard events list`)"
        case let .unknownFact(person, key):
            "\(person) has no fact \"\(key)\" (see `lanyard people show`)"
        case .emptyNote:
            "the note is empty: write some text"
        case let .emptyFactValue(key):
            "fact \"\(key)\": the value is empty; to remove a fact use `lanyard facts rm PERSON \(key)`"
        case let .invalidName(field, given):
            "\(field) \"\(given)\" has no letter or digit; use words like swift-community"
        case let .emptyQuery(query):
            "search \"\(query)\" has no word to look for"
        case let .editorFailed(editor, reason):
            "editor \"\(editor)\" \(reason); the note was left as it was"
        }
    }

    public var errorDescription: String? { description }

    /// True when a PERSON argument is an id (digits only) rather than a name.
    public static func isPersonId(_ reference: String) -> Bool {
        !reference.isEmpty && reference.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
