import Foundation
import Hummingbird
import LanyardEvents
import LanyardStore

/// `/app/events`: the editions, and a form to add the one you are at.
struct EventsPageController {
    let database: AppDatabase
    let token: AccessToken

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/app/events", use: list)
            .post("/app/events", use: add)
    }

    /// The add form's fields.
    struct AddEventForm: Decodable, Sendable {
        var csrf: String?
        var slug: String?
        var name: String?
        var series: String?
        var start: String?
        var end: String?
        var city: String?
        var timeZone: String?

        enum CodingKeys: String, CodingKey {
            case csrf, slug, name, series, start, end, city
            case timeZone = "time_zone"
        }

        var draft: EventDraft {
            EventDraft(slug: slug ?? "", name: name ?? "", series: series ?? "", start: start ?? "", end: end, city: city, timeZone: timeZone)
        }
    }

    @Sendable func list(_ request: Request, context: LanyardRequestContext) async throws -> HTMLPage {
        let added = request.uri.queryParameters["added"].map(String.init)
        let notice = added.flatMap { slug in (try? database.event(slug: slug)).map { "Added \($0.name)." } }
        return HTMLPage(html: try page(form: AddEventForm(), notice: notice, message: nil, context: context))
    }

    @Sendable func add(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        let form = try await request.decodeForm(as: AddEventForm.self, context: context)
        try token.checkCSRF(form.csrf, context: context)
        do {
            let event = try database.addEvent(form.draft)
            return .redirect(to: "/app/events?added=" + LoginController.encodeNext(event.slug), type: .normal)
        } catch let error as EventError {
            let answer = ErrorAnswer(error, context: context)
            return try HTMLPage(status: answer.status, html: page(form: form, notice: nil, message: answer.message, context: context))
                .response(from: request, context: context)
        }
    }

    func page(form: AddEventForm, notice: String?, message: String?, context: LanyardRequestContext) throws -> HTML {
        let session = token.pageSession(for: context)
        let events = try database.events()
        let items: [HTML] = events.reversed().map { event in
            let city: HTML = event.city.map { " · \($0)" } ?? ""
            return """
                <li><strong>\(event.name)</strong><br><span class="muted">\(event.slug) · \(EventView.dateRange(event))\(city)</span><br>\
                <a href="/app/checkin?event=\(event.slug)">Check in here</a> · <a href="/brief/\(event.slug)?format=html">Briefing</a></li>
                """
        }
        let list: HTML = events.isEmpty ? "<p class=\"muted\">No events yet.</p>" : "<ul class=\"cards\" id=\"events\">\(items)</ul>"
        let body: HTML = """
            \(Pages.noticeBox(notice))
            \(list)
            <details\(message != nil || events.isEmpty ? " open" : "")><summary>Add an event</summary>
            \(Pages.errorBox(message))
            <form method="post" action="/app/events">
            \(Pages.csrfField(session.csrf))
            \(Pages.field("Name", name: "name", value: form.name, required: true, hint: "Like SwiftConf 2026"))
            \(Pages.field("Short name", name: "slug", value: form.slug, required: true, hint: "Lower-case, like swiftconf-2026"))
            \(Pages.field("Series", name: "series", value: form.series, required: true, hint: "Like swiftconf: editions of a series are linked"))
            \(Pages.field("First day", name: "start", value: form.start, type: "date", required: true))
            \(Pages.field("Last day", name: "end", value: form.end, type: "date"))
            \(Pages.field("City", name: "city", value: form.city))
            \(Pages.field("Time zone", name: "time_zone", value: form.timeZone, hint: "Like Europe/Berlin (default UTC)"))
            <div class="actions"><button class="primary" type="submit">Add event</button></div>
            </form>
            </details>
            """
        return Pages.layout(title: "Events", session: session, body: body)
    }
}
