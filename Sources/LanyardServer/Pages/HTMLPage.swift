import Hummingbird
import HTTPTypes
import NIOCore

/// A server-rendered page as a response: UTF-8 HTML with a strict Content-Security-Policy
/// (no scripts, no outside resources, forms post only here).
struct HTMLPage: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var html: HTML
    var headers: HTTPFields = [:]

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let buffer = ByteBuffer(string: html.markup)
        var fields: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentLength: String(buffer.readableBytes),
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .cacheControl: "no-store",
        ]
        fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        fields.append(contentsOf: headers)
        return Response(status: status, headers: fields, body: .init(byteBuffer: buffer))
    }
}
