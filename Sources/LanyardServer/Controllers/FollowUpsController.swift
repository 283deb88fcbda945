import Foundation
import Hummingbird
import LanyardFollowUp
import LanyardStore

/// The JSON API for follow-ups, over the follow-up module (the calls of `lanyard followup`).
struct FollowUpsController {
    let service: FollowUpService

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/followups", use: list)
            .post("/followups/send", use: send)
            .get("/followups/{id}", use: show)
            .put("/followups/{id}", use: edit)
            .post("/followups/{id}/approve", use: approve)
            .post("/followups/{id}/skip", use: skip)
    }

    /// A draft's new text.
    struct EditRequest: Decodable {
        var subject: String
        var body: String
    }

    /// Which approved follow-ups to send now (all due ones when absent).
    struct SendRequest: Decodable {
        var ids: [Int64]?
    }

    /// `GET /followups?state=`: every follow-up, or those in one state.
    @Sendable func list(_ request: Request, context: LanyardRequestContext) async throws -> [FollowUpItem] {
        let state = try request.uri.queryParameters.get("state").map { text in
            guard let state = FollowUp.State(rawValue: text) else {
                throw HTTPError(.badRequest, message: "state: \"\(text)\" is not one of \(FollowUp.State.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return state
        }
        return try service.database.followUpItems(state: state)
    }

    /// `GET /followups/{id}`.
    @Sendable func show(_ request: Request, context: LanyardRequestContext) async throws -> FollowUpItem {
        try service.database.followUpItem(id: try context.idParameter())
    }

    /// `PUT /followups/{id}`: new subject and body for a draft.
    @Sendable func edit(_ request: Request, context: LanyardRequestContext) async throws -> FollowUpItem {
        let body = try await request.decodeJSON(as: EditRequest.self, context: context)
        let id = try context.idParameter()
        _ = try service.database.editFollowUp(id: id, subject: body.subject, body: body.body)
        return try service.database.followUpItem(id: id)
    }

    /// `POST /followups/{id}/approve`: 409 when it still lacks values or is not a draft.
    @Sendable func approve(_ request: Request, context: LanyardRequestContext) async throws -> FollowUpItem {
        try service.approve(id: try context.idParameter())
    }

    /// `POST /followups/{id}/skip`.
    @Sendable func skip(_ request: Request, context: LanyardRequestContext) async throws -> FollowUpItem {
        let id = try context.idParameter()
        _ = try service.database.skipFollowUp(id: id)
        return try service.database.followUpItem(id: id)
    }

    /// `POST /followups/send`: sends the named (or every due) approved follow-up now.
    @Sendable func send(_ request: Request, context: LanyardRequestContext) async throws -> SendReport {
        let ids = try await request.decodeJSONIfAny(as: SendRequest.self, context: context)?.ids
        let service = service
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try service.send(ids: ids) })
            }
        }
    }
}

extension FollowUpItem: ResponseGenerator {}
extension FollowUpItem: ResponseEncodable {}
extension SendReport: ResponseGenerator {}
extension SendReport: ResponseEncodable {}
