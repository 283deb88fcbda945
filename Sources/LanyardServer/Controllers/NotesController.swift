import Foundation
import Hummingbird
import LanyardNotes
import LanyardStore

/// The JSON API for what you know about a person: notes, facts and tags, over the notes module
/// (the calls of `lanyard notes`, `lanyard facts` and `lanyard tag`).
struct NotesController {
    let database: AppDatabase

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/people/{id}/notes", use: listNotes)
            .post("/people/{id}/notes", use: addNote)
            .put("/notes/{noteId}", use: updateNote)
            .delete("/notes/{noteId}", use: deleteNote)
            .get("/people/{id}/facts", use: listFacts)
            .put("/people/{id}/facts/{key}", use: setFact)
            .delete("/people/{id}/facts/{key}", use: removeFact)
            .get("/people/{id}/tags", use: listTags)
            .post("/people/{id}/tags", use: addTags)
            .delete("/people/{id}/tags/{tag}", use: removeTag)
    }

    /// A note's text, and the meeting it belongs to if any.
    struct NoteRequest: Decodable {
        var body: String
        var meetingId: Int64?
    }

    /// A fact's new value.
    struct FactRequest: Decodable {
        var value: String
        var meetingId: Int64?
    }

    /// Tags to add.
    struct TagsRequest: Decodable {
        var tags: [String]
    }

    // MARK: - Notes

    /// `GET /people/{id}/notes`: newest first.
    @Sendable func listNotes(_ request: Request, context: LanyardRequestContext) async throws -> [Note] {
        try database.notes(personId: try context.idParameter())
    }

    /// `POST /people/{id}/notes`: 201 with the note.
    @Sendable func addNote(_ request: Request, context: LanyardRequestContext) async throws -> EditedResponse<Note> {
        let body = try await request.decodeJSON(as: NoteRequest.self, context: context)
        let note = try database.addNote(personId: try context.idParameter(), body: body.body, meetingId: body.meetingId)
        return EditedResponse(status: .created, response: note)
    }

    /// `PUT /notes/{noteId}`: replaces the text.
    @Sendable func updateNote(_ request: Request, context: LanyardRequestContext) async throws -> Note {
        let body = try await request.decodeJSON(as: NoteRequest.self, context: context)
        return try database.updateNote(id: try context.idParameter("noteId"), body: body.body)
    }

    /// `DELETE /notes/{noteId}`: the deleted note.
    @Sendable func deleteNote(_ request: Request, context: LanyardRequestContext) async throws -> Note {
        try database.deleteNote(id: try context.idParameter("noteId"))
    }

    // MARK: - Facts

    /// `GET /people/{id}/facts`: the facts in force, by key.
    @Sendable func listFacts(_ request: Request, context: LanyardRequestContext) async throws -> [Fact] {
        try database.currentFacts(personId: try context.idParameter())
    }

    /// `PUT /people/{id}/facts/{key}`: sets the fact (the old value stays in the history).
    @Sendable func setFact(_ request: Request, context: LanyardRequestContext) async throws -> Fact {
        let body = try await request.decodeJSON(as: FactRequest.self, context: context)
        return try database.setFact(personId: try context.idParameter(), key: try context.pathText("key"), value: body.value, meetingId: body.meetingId)
    }

    /// `DELETE /people/{id}/facts/{key}`: the removed fact.
    @Sendable func removeFact(_ request: Request, context: LanyardRequestContext) async throws -> Fact {
        try database.removeFact(personId: try context.idParameter(), key: try context.pathText("key"))
    }

    // MARK: - Tags

    /// `GET /people/{id}/tags`.
    @Sendable func listTags(_ request: Request, context: LanyardRequestContext) async throws -> [String] {
        try database.tags(personId: try context.idParameter())
    }

    /// `POST /people/{id}/tags`: the person's tags after adding.
    @Sendable func addTags(_ request: Request, context: LanyardRequestContext) async throws -> [String] {
        let body = try await request.decodeJSON(as: TagsRequest.self, context: context)
        return try database.addTags(body.tags, personId: try context.idParameter())
    }

    /// `DELETE /people/{id}/tags/{tag}`: the person's tags after removing.
    @Sendable func removeTag(_ request: Request, context: LanyardRequestContext) async throws -> [String] {
        try database.removeTags([try context.pathText("tag")], personId: try context.idParameter())
    }
}

extension LanyardRequestContext {
    /// A path parameter as text, percent-decoded (`Ask%20about` → `Ask about`).
    func pathText(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}

extension Note: ResponseGenerator {}
extension Note: ResponseEncodable {}
extension Fact: ResponseGenerator {}
extension Fact: ResponseEncodable {}
