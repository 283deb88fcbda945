import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// `/health` (open, for monitors) and `/openapi.json` (the API's description).
struct ServiceController {
    let version: String

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/health", use: health)
            .get("/openapi.json", use: openAPI)
    }

    /// The body of `GET /health`.
    struct HealthResponse: ResponseEncodable {
        var status: String
        var version: String
    }

    @Sendable func health(_ request: Request, context: LanyardRequestContext) async throws -> HealthResponse {
        HealthResponse(status: "ok", version: version)
    }

    /// Encoded with a plain encoder: OpenAPI's own keys (`operationId`, `$ref`) must not be snake_cased.
    @Sendable func openAPI(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(OpenAPIDocument.document(version: version))
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .contentLength: String(data.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
