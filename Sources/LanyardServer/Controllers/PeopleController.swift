import Foundation
import Hummingbird
import LanyardEvents
import LanyardNotes
import LanyardStore

/// The JSON API for people, over the events and notes modules (the calls of `lanyard people`
/// and `lanyard search`).
struct PeopleController {
    let database: AppDatabase

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/people", use: list)
            .get("/people/search", use: search)
            .post("/people/merge", use: merge)
            .get("/people/{id}", use: show)
            .delete("/people/{id}", use: forget)
            .post("/people/{id}/unmerge", use: unmerge)
    }

    /// `POST /people/merge`: `other` is folded into `keep`.
    struct MergeRequest: Decodable {
        var keep: Int64
        var other: Int64
    }

    /// `GET /people?limit=&offset=`: everyone, in address-book order.
    @Sendable func list(_ request: Request, context: LanyardRequestContext) async throws -> [PersonListItem] {
        let limit = try request.uri.queryParameters.integer("limit", range: 1...10_000)
        let offset = try request.uri.queryParameters.integer("offset", range: 0...Int.max) ?? 0
        return try database.people(limit: limit, offset: offset)
    }

    /// `GET /people/search?q=&tag=&event=&limit=`: full-text search over people and notes.
    @Sendable func search(_ request: Request, context: LanyardRequestContext) async throws -> [SearchHit] {
        let query = request.uri.queryParameters
        guard let text = query.get("q"), !text.isEmpty else {
            throw HTTPError(.badRequest, message: "q: give the words to look for, like ?q=marathon")
        }
        let limit = try query.integer("limit", range: 1...500) ?? 20
        return try database.search(SearchQuery(text, tag: query.get("tag"), eventSlug: query.get("event"), limit: limit))
    }

    /// `GET /people/{id}`: the profile, as `lanyard people show --json`.
    @Sendable func show(_ request: Request, context: LanyardRequestContext) async throws -> PersonProfile {
        try database.profile(personId: try context.idParameter())
    }

    /// `POST /people/merge`: as `lanyard people merge KEEP OTHER`.
    @Sendable func merge(_ request: Request, context: LanyardRequestContext) async throws -> MergeSummary {
        let body = try await request.decodeJSON(as: MergeRequest.self, context: context)
        return try database.merge(keep: body.keep, other: body.other)
    }

    /// `POST /people/{id}/unmerge`: undoes the merge that folded person `id` away.
    @Sendable func unmerge(_ request: Request, context: LanyardRequestContext) async throws -> PersonView {
        try database.unmerge(mergedPersonId: try context.idParameter())
    }

    /// `DELETE /people/{id}`: forgets the person and everything about them.
    @Sendable func forget(_ request: Request, context: LanyardRequestContext) async throws -> ForgetSummary {
        try database.forget(personId: try context.idParameter())
    }
}

extension LanyardRequestContext {
    /// The `{id}` (or `name`) path parameter as a row id; 400 when it is not a number.
    func idParameter(_ name: String = "id") throws -> Int64 {
        let text = try parameters.require(name)
        guard let id = Int64(text) else {
            throw HTTPError(.badRequest, message: "\(name): \"\(text)\" is not an id (a whole number)")
        }
        return id
    }
}

extension Parameters {
    /// An integer query parameter within `range`, nil when absent; 400 names it otherwise.
    func integer(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let text = get(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw HTTPError(.badRequest, message: "\(name): \"\(text)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

extension PersonListItem: ResponseGenerator {}
extension PersonListItem: ResponseEncodable {}
extension SearchHit: ResponseGenerator {}
extension SearchHit: ResponseEncodable {}
extension PersonProfile: ResponseGenerator {}
extension PersonProfile: ResponseEncodable {}
extension MergeSummary: ResponseGenerator {}
extension MergeSummary: ResponseEncodable {}
extension PersonView: ResponseGenerator {}
extension PersonView: ResponseEncodable {}
extension ForgetSummary: ResponseGenerator {}
extension ForgetSummary: ResponseEncodable {}
