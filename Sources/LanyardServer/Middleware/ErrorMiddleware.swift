import Foundation
import Hummingbird
import HTTPTypes
import Logging

/// Turns every error into the answer a client can act on: `{"error": "..."}` with the right
/// status for the API, an HTML page for the pages. Unexpected errors are logged and answered 500
/// without their details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LanyardRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let answer = ErrorAnswer(error, context: context)
            if answer.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(context.endpointPath ?? "")"])
            } else {
                context.logger.debug("request refused", metadata: ["status": "\(answer.status.code)", "error": "\(answer.message)"])
            }
            var response: Response
            if RequestSurface.wantsHTML(request, context: context) {
                response = try HTMLPage(status: answer.status, html: Pages.error(status: answer.status, message: answer.message, session: nil))
                    .response(from: request, context: context)
            } else {
                response = try context.responseEncoder.encode(ErrorBody(error: answer.message), from: request, context: context)
                response.status = answer.status
            }
            response.headers.append(contentsOf: answer.headers)
            return response
        }
    }
}

/// The body of every API error.
struct ErrorBody: Codable, Sendable, Equatable {
    var error: String
}
