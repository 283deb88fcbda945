import Foundation
import Hummingbird
import LanyardFollowUp
import LanyardStore

/// The follow-up review list, `GET /app/followups`: drafts and approved ones, each draft with
/// Approve and Skip buttons (plain forms with the CSRF value; no script needed).
struct FollowUpsPageController {
    let service: FollowUpService
    let token: AccessToken

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/app/followups", use: list)
            .post("/app/followups/{id}/approve", use: approve)
            .post("/app/followups/{id}/skip", use: skip)
    }

    /// A review button's form.
    struct ActionForm: Decodable {
        var csrf: String?
    }

    @Sendable func list(_ request: Request, context: LanyardRequestContext) async throws -> HTMLPage {
        let done = request.uri.queryParameters.get("done")
        return HTMLPage(html: try page(notice: done, message: nil, context: context))
    }

    @Sendable func approve(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        try await act(request, context: context) { id in
            let item = try service.approve(id: id)
            return "Approved the follow-up to \(item.personName)."
        }
    }

    @Sendable func skip(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        try await act(request, context: context) { id in
            _ = try service.database.skipFollowUp(id: id)
            return "Skipped follow-up \(id)."
        }
    }

    /// Checks the CSRF value, runs `action` and goes back to the list (post/redirect/get); a
    /// refused action shows the list with the message.
    func act(_ request: Request, context: LanyardRequestContext, _ action: (Int64) throws -> String) async throws -> Response {
        let form = try await request.decodeForm(as: ActionForm.self, context: context)
        try token.checkCSRF(form.csrf, context: context)
        let id = try context.idParameter()
        do {
            let notice = try action(id)
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: " .")
            let query = notice.addingPercentEncoding(withAllowedCharacters: allowed)?.replacingOccurrences(of: " ", with: "+") ?? ""
            return .redirect(to: "/app/followups?done=\(query)", type: .normal)
        } catch let error as FollowUpError {
            let answer = ErrorAnswer(error, context: context)
            return try HTMLPage(status: answer.status, html: page(notice: nil, message: answer.message, context: context))
                .response(from: request, context: context)
        }
    }

    func page(notice: String?, message: String?, context: LanyardRequestContext) throws -> HTML {
        let session = token.pageSession(for: context)
        let items = try service.database.followUpItems().filter { [.draft, .approved, .retry, .unknown, .failed].contains($0.state) }
        let cards: [HTML] = items.map { item in
            let missing: HTML = item.missing.isEmpty ? "" : "<p class=\"error\">Needs editing: \(item.missing.joined(separator: ", "))</p>"
            let buttons: HTML = item.state == .draft
                ? """
                  <form method="post" action="/app/followups/\(String(item.id))/approve" class="inline">\(Pages.csrfField(session.csrf))<button type="submit">Approve</button></form> \
                  <form method="post" action="/app/followups/\(String(item.id))/skip" class="inline">\(Pages.csrfField(session.csrf))<button type="submit">Skip</button></form>
                  """
                : ""
            return """
                <li id="followup-\(String(item.id))"><strong>\(item.subject)</strong> <span class="muted">\(item.state.rawValue)</span><br>
                To <a href="/app/people/\(String(item.personId))">\(item.personName)</a> &lt;\(item.to)&gt; · \(item.event)
                <details><summary>Message</summary><pre>\(item.body)</pre></details>
                \(missing)\(buttons)</li>
                """
        }
        let list: HTML = cards.isEmpty ? "<p class=\"muted\">Nothing to review.</p>" : "<ul class=\"cards\" id=\"followups\">\(cards)</ul>"
        return Pages.layout(title: "Follow-ups", session: session, body: """
            \(Pages.noticeBox(notice))
            \(Pages.errorBox(message))
            \(list)
            """)
    }
}
