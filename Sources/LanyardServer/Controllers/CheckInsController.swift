import Foundation
import Hummingbird
import NIOCore
import LanyardEvents
import LanyardStore

/// `POST /checkins`: the same request fields and the same answer as `lanyard checkin --json`.
struct CheckInsController {
    /// Concurrent check-ins share write transactions.
    let checkIns: CheckInQueue

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .post("/checkins", use: create)
    }

    /// The flags of `lanyard checkin`, as JSON members (`same_as`, `new`).
    struct CreateRequest: Decodable {
        var event: String
        var name: String?
        var company: String?
        var title: String?
        var email: String?
        var phone: String?
        var linkedin: String?
        var card: String?
        var booth: String?
        var note: String?
        var at: Date?
        var sameAs: Int64?
        var new: Bool?

        /// The events module's request; 400 when `same_as` and `new` are both given.
        func checkInRequest() throws -> CheckInRequest {
            if sameAs != nil, new == true {
                throw HTTPError(.badRequest, message: "give same_as or new, not both")
            }
            let decision: CheckInRequest.Decision = sameAs.map { .sameAs($0) } ?? (new == true ? .new : .automatic)
            return CheckInRequest(
                event: event, name: name, company: company, title: title, email: email, phone: phone,
                linkedin: linkedin, card: card, booth: booth, note: note, at: at, decision: decision)
        }
    }

    /// Records the meeting; 201 with the recognition answer, 400 on a bad field, 404 on an
    /// unknown event or `same_as` person.
    @Sendable func create(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(as: CreateRequest.self, context: context)
        let result = try await checkIns.checkIn(try body.checkInRequest())
        // The bytes JSONEncoder would write (`CheckInAnswerJSON`), without its key conversion.
        let json = CheckInAnswerJSON.encode(result)
        return Response(
            status: .created,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(json.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}

extension CheckInResult: ResponseGenerator {}
extension CheckInResult: ResponseEncodable {}
