import Foundation
import Hummingbird
import LanyardBriefing
import LanyardStore

/// `GET /brief/{event}`: the briefing for an upcoming edition, as `lanyard brief --json`, or
/// as the briefing page when the browser asks for HTML (`Accept: text/html` or `?format=html`).
struct BriefingController {
    let database: AppDatabase

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/brief/{event}", use: brief)
    }

    @Sendable func brief(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let since = try query.get("since").map { try Briefing.parseDay($0, field: "since") }
        let staleAfter = try query.integer("stale_after", range: 1...36_500) ?? Briefing.defaultStaleAfterDays
        let briefing = try database.briefing(eventSlug: try context.parameters.require("event"), since: since, staleAfter: staleAfter)
        if Self.wantsHTML(request) {
            return try HTMLPage(html: HTML(trusted: HTMLBriefingRenderer.render(briefing))).response(from: request, context: context)
        }
        // The briefing's own JSON writer, as `lanyard brief --json` (the same document as the
        // response encoder would make, several times faster).
        let document = JSONBriefingRenderer.bytes(briefing)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(document.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: document)))
    }

    /// `?format=html`, or an `Accept` header that lists `text/html` (a browser).
    static func wantsHTML(_ request: Request) -> Bool {
        switch request.uri.queryParameters.get("format") {
        case "html": return true
        case "json": return false
        default: return request.headers[.accept]?.contains("text/html") ?? false
        }
    }
}
