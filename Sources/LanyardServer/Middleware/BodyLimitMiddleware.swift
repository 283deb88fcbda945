import Hummingbird

/// Refuses bodies over the limit with 413: at once when Content-Length says so, and while
/// reading (through `maxUploadSize`) when the body is chunked.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = LanyardRequestContext
    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBytes {
            throw HTTPError(.contentTooLarge, message: "the request body is \(length) bytes; the limit is \(maxBytes) bytes")
        }
        var context = context
        context.maxUploadSize = maxBytes
        return try await next(request, context)
    }
}
