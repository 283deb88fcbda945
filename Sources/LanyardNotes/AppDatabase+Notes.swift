import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    // MARK: - Reads

    /// A person's notes, newest first.
    public func notes(personId: Int64) throws -> [Note] {
        try reader.read { db in
            try Note.filter(Note.Columns.personId == personId)
                .order(Note.Columns.createdAt.desc, Note.Columns.id.desc)
                .fetchAll(db)
        }
    }

    /// The note with this id, or `NotesError.unknownNote`.
    public func note(id: Int64) throws -> Note {
        try reader.read { db in try Self.note(id: id, in: db) }
    }

    static func note(id: Int64, in db: Database) throws -> Note {
        guard let note = try Note.fetchOne(db, id: id) else { throw NotesError.unknownNote(id) }
        return note
    }

    // MARK: - Writes

    /// Adds a note to a person, optionally tied to one of their meetings. Refuses an empty text.
    @discardableResult
    public func addNote(personId: Int64, body: String, meetingId: Int64? = nil, at date: Date = Date()) throws -> Note {
        try writer.write { db in try Self.addNote(personId: personId, body: body, meetingId: meetingId, at: date, in: db) }
    }

    /// Adds a note inside the caller's transaction (check-in's `--note`, imports).
    @discardableResult
    public static func addNote(personId: Int64, body: String, meetingId: Int64? = nil, at date: Date = Date(), in db: Database) throws -> Note {
        let body = try noteBody(body)
        guard try Person.exists(db, id: personId) else { throw NotesError.unknownPerson(String(personId)) }
        if let meetingId { try checkMeeting(meetingId, of: personId, in: db) }
        var note = Note(personId: personId, meetingId: meetingId, body: body, createdAt: date, updatedAt: date)
        try note.insert(db)
        return note
    }

    /// Replaces a note's text (its date stays; `updatedAt` moves). Refuses an empty text.
    @discardableResult
    public func updateNote(id: Int64, body: String, at date: Date = Date()) throws -> Note {
        let body = try Self.noteBody(body)
        return try writer.write { db in
            var note = try Self.note(id: id, in: db)
            guard note.body != body else { return note }
            note.body = body
            note.updatedAt = date
            try note.update(db)
            return note
        }
    }

    /// Edits a note's text with `edit` (an editor), outside any transaction. When `edit`
    /// throws or returns empty text, the note is left as it was and the error is thrown.
    /// Returns the note and whether its text changed.
    @discardableResult
    public func editNote(id: Int64, with edit: (String) throws -> String) throws -> (note: Note, changed: Bool) {
        let original = try note(id: id)
        let edited = try edit(original.body)
        let body = try Self.noteBody(edited)
        guard body != original.body else { return (original, false) }
        return (try updateNote(id: id, body: body), true)
    }

    /// Deletes a note and returns what it was.
    @discardableResult
    public func deleteNote(id: Int64) throws -> Note {
        try writer.write { db in
            let note = try Self.note(id: id, in: db)
            try note.delete(db)
            return note
        }
    }

    // MARK: - Rules

    /// The text of a note as stored: trimmed, and never empty.
    static func noteBody(_ text: String) throws -> String {
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { throw NotesError.emptyNote }
        return body
    }

    /// Checks that the meeting exists and is with this person.
    static func checkMeeting(_ meetingId: Int64, of personId: Int64, in db: Database) throws {
        guard let meeting = try Meeting.fetchOne(db, id: meetingId), meeting.personId == personId else {
            throw NotesError.unknownMeeting(meetingId, personId: personId)
        }
    }
}
