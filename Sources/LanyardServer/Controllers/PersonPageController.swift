import Foundation
import Hummingbird
import LanyardNotes
import LanyardStore

/// The person page, `GET /app/people/{id}`: the profile (as `lanyard people show`), and a
/// search box, `GET /app/people?q=`, to find someone.
struct PersonPageController {
    let database: AppDatabase
    let token: AccessToken

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/app/people", use: search)
            .get("/app/people/{id}", use: show)
    }

    @Sendable func search(_ request: Request, context: LanyardRequestContext) async throws -> HTMLPage {
        let session = token.pageSession(for: context)
        let text = request.uri.queryParameters.get("q") ?? ""
        var results: HTML = ""
        if !text.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let hits = try database.search(SearchQuery(text))
                let items: [HTML] = hits.map { hit in
                    let company: HTML = hit.company.map { ", \($0)" } ?? ""
                    return "<li><a href=\"/app/people/\(String(hit.personId))\"><strong>\(hit.name)</strong></a>\(company)<br><span class=\"muted\">\(hit.snippet)</span></li>"
                }
                results = items.isEmpty ? "<p class=\"muted\">Nobody matches.</p>" : "<ul class=\"cards\" id=\"hits\">\(items)</ul>"
            } catch let error as NotesError {
                results = Pages.errorBox(error.description)
            }
        }
        let body: HTML = """
            <form method="get" action="/app/people">
            \(Pages.field("Search", name: "q", value: text, type: "search", hint: "A name, company, note or fact"))
            <div class="actions"><button class="primary" type="submit">Search</button></div>
            </form>
            \(results)
            """
        return HTMLPage(html: Pages.layout(title: "People", session: session, body: body))
    }

    @Sendable func show(_ request: Request, context: LanyardRequestContext) async throws -> HTMLPage {
        let profile = try database.profile(personId: try context.idParameter())
        return HTMLPage(html: Pages.layout(title: profile.name, session: token.pageSession(for: context), body: Self.body(profile)))
    }

    /// The profile as HTML: who, how to reach them, what you know, when you met, your notes.
    static func body(_ p: PersonProfile) -> HTML {
        let role = [p.title, p.company].compactMap { $0 }.joined(separator: ", ")
        let roleHTML: HTML = role.isEmpty ? "" : "<p>\(role)</p>"
        let contact: [HTML] = (p.emails + p.phones).map { "<li>\($0.value)\($0.label.map { " (\($0))" })</li>" }
        let facts: [HTML] = p.facts.map { "<li><strong>\($0.key)</strong>: \($0.value)</li>" }
        let tags: HTML = p.tags.isEmpty ? "" : "<p id=\"tags\">Tags: \(p.tags.joined(separator: ", "))</p>"
        let meetings: [HTML] = p.meetings.map { m in
            let booth: HTML = m.booth.map { ", booth \($0)" } ?? ""
            return "<li>\(m.eventName)\(booth) <span class=\"muted\">\(m.date.description)</span></li>"
        }
        let notes: [HTML] = p.notes.map { "<li>\($0.body)</li>" }
        let followUps: [HTML] = p.followUps.map { "<li>\($0.subject) <span class=\"muted\">\($0.state.rawValue)</span></li>" }
        func section(_ title: String, _ items: [HTML], id: String) -> HTML {
            items.isEmpty ? "" : "<h2>\(title)</h2><ul class=\"cards\" id=\"\(id)\">\(items)</ul>"
        }
        return """
            \(roleHTML)
            \(tags)
            \(section("Contact", contact, id: "contact"))
            \(section("Ask about and facts", facts, id: "facts"))
            \(section("Meetings", meetings, id: "meetings"))
            \(section("Notes", notes, id: "notes"))
            \(section("Follow-ups", followUps, id: "followups"))
            """
    }
}
