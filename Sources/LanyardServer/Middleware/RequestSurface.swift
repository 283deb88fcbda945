import Hummingbird

/// Whether a request is answered as a web page or as JSON: decides how errors and a missing
/// login look (an HTML page and a redirect to /login, or `{"error": ...}` and 401).
enum RequestSurface {
    /// Routes that are web pages: `/`, `/login`, `/logout` and everything under `/app`.
    static func isPagePath(_ endpointPath: String?) -> Bool {
        guard let path = endpointPath else { return false }
        return path == "/" || path == "/login" || path == "/logout" || path == "/app" || path.hasPrefix("/app/")
    }

    /// True for page routes, and for other routes when the client asked for HTML (a browser).
    static func wantsHTML(_ request: Request, context: some RequestContext) -> Bool {
        if isPagePath(context.endpointPath) { return true }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("text/html")
    }
}
