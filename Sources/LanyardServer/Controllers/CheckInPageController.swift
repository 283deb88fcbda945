import Foundation
import Hummingbird
import LanyardBriefing
import LanyardEvents
import LanyardNotes
import LanyardStore

/// The page the phone at the booth lives on: `/` sends there, `GET /app/checkin` is the form,
/// `POST /app/checkin` checks someone in and shows the recognition answer. When the evidence
/// is weak, nothing is saved yet: the page lists the possible matches, each with a "Same person"
/// button that re-submits the form with `same_as`, and a "New person" button (`new`), as the
/// CLI asks "Same person?" on a terminal.
struct CheckInPageController {
    let database: AppDatabase
    let checkIns: CheckInQueue
    let token: AccessToken

    var endpoints: RouteCollection<LanyardRequestContext> {
        RouteCollection(context: LanyardRequestContext.self)
            .get("/", use: home)
            .get("/app/checkin", use: form)
            .post("/app/checkin", use: checkIn)
    }

    /// The check-in form's fields, as the browser posts them.
    struct CheckInForm: Decodable, Sendable {
        var csrf: String?
        var event: String?
        var name: String?
        var company: String?
        var email: String?
        var phone: String?
        var booth: String?
        var note: String?
        /// What the badge scanner read (vCard, MECARD or a URL), pasted or scanned.
        var badge: String?
        /// The person the user said this is (a candidate's "Same person" button).
        var sameAs: String?
        /// "1" when the user said this is someone new.
        var new: String?

        enum CodingKeys: String, CodingKey {
            case csrf, event, name, company, email, phone, booth, note, badge, new
            case sameAs = "same_as"
        }

        /// The events module's request; empty fields count as not given.
        func checkInRequest() throws -> CheckInRequest {
            func given(_ text: String?) -> String? {
                guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
                return text
            }
            var decision = CheckInRequest.Decision.automatic
            if let sameAs = given(sameAs) {
                guard let id = Int64(sameAs) else { throw CheckInError.invalidField(field: "same_as", message: "\"\(sameAs)\" is not a person id") }
                decision = .sameAs(id)
            } else if new == "1" {
                decision = .new
            }
            return CheckInRequest(
                event: event ?? "", name: given(name), company: given(company), email: given(email), phone: given(phone),
                card: given(badge), booth: given(booth), note: given(note), decision: decision)
        }
    }

    @Sendable func home(_ request: Request, context: LanyardRequestContext) async throws -> Response {
        .redirect(to: "/app/checkin", type: .normal)
    }

    @Sendable func form(_ request: Request, context: LanyardRequestContext) async throws -> HTMLPage {
        let events = try database.events()
        return HTMLPage(html: page(events: events, form: CheckInForm(event: request.uri.queryParameters.get("event")), message: nil, context: context))
    }

    @Sendable func checkIn(_ request: Request, context: LanyardRequestContext) async throws -> HTMLPage {
        let form = try await request.decodeForm(as: CheckInForm.self, context: context)
        try token.checkCSRF(form.csrf, context: context)
        let events = try database.events()
        do {
            let checkIn = try form.checkInRequest()
            if checkIn.decision == .automatic {
                _ = try database.event(slug: checkIn.event)
                let preview = try database.recognize(try checkIn.contact())
                if preview.match == nil, !preview.candidates.isEmpty {
                    return HTMLPage(html: question(preview.candidates, form: form, context: context))
                }
            }
            let result = try await checkIns.checkIn(checkIn)
            let profile = try database.profile(personId: result.person.id)
            let topics = AskAbout.topics(facts: profile.facts.map { ($0.key, $0.value) }, tags: profile.tags)
            return HTMLPage(html: page(events: events, form: CheckInForm(event: form.event), answer: RecognitionAnswer(result, askAbout: topics), message: nil, context: context))
        } catch let error where error is CheckInError || error is EventError {
            let answer = ErrorAnswer(error, context: context)
            return HTMLPage(status: answer.status, html: page(events: events, form: form, message: answer.message, context: context))
        }
    }

    /// "Is this the same person?": the possible matches, each with a button that re-submits the
    /// form with `same_as`, and one that records someone new.
    func question(_ candidates: [MatchCandidate], form: CheckInForm, context: LanyardRequestContext) -> HTML {
        let session = token.pageSession(for: context)
        let hidden = hiddenFields(form, csrf: session.csrf)
        let items: [HTML] = candidates.map { candidate in
            let person = candidate.person
            let company: HTML = person.company.map { ", \($0)" } ?? ""
            return """
                <li><strong>\(person.name)</strong>\(company)<br><span class="muted">\(candidate.reasons.joined(separator: "; "))</span>
                <form method="post" action="/app/checkin">\(hidden)<input type="hidden" name="same_as" value="\(String(person.id ?? 0))">\
                <button class="primary" type="submit">Same person</button></form></li>
                """
        }
        let body: HTML = """
            <p>Is <strong>\(form.name ?? form.email ?? "this")</strong> someone you know? Nothing is saved until you choose.</p>
            <ul class="cards" id="candidates">\(items)</ul>
            <form method="post" action="/app/checkin">\(hidden)<input type="hidden" name="new" value="1">
            <button class="primary" type="submit">New person</button></form>
            """
        return Pages.layout(title: "Same person?", session: session, body: body)
    }

    /// The form's values as hidden inputs, to send them again.
    func hiddenFields(_ form: CheckInForm, csrf: String) -> HTML {
        let fields: [(String, String?)] = [
            ("event", form.event), ("name", form.name), ("company", form.company), ("email", form.email),
            ("phone", form.phone), ("booth", form.booth), ("note", form.note), ("badge", form.badge),
        ]
        let inputs: [HTML] = fields.compactMap { name, value in
            value.map { "<input type=\"hidden\" name=\"\(name)\" value=\"\($0)\">" }
        }
        return "\(Pages.csrfField(csrf))\(inputs)"
    }

    /// The form, filled with `form` when it comes back with `message`.
    func page(events: [Event], form: CheckInForm, answer: RecognitionAnswer? = nil, message: String?, context: LanyardRequestContext) -> HTML {
        let session = token.pageSession(for: context)
        let selected = form.event ?? Self.defaultEvent(events)?.slug
        let options: [HTML] = events.reversed().map { event in
            let mark: HTML = event.slug == selected ? " selected" : ""
            return "<option value=\"\(event.slug)\"\(mark)>\(event.name)</option>"
        }
        let eventField: HTML = events.isEmpty
            ? "<p class=\"error\">No events yet. <a href=\"/app/events\">Add the event</a> you are at first.</p>"
            : "<label for=\"event\">Event</label><select id=\"event\" name=\"event\" required>\(options)</select>"
        let body: HTML = """
            \(answer?.html ?? "")
            \(Pages.errorBox(message))
            <form method="post" action="/app/checkin" autocomplete="off">
            \(Pages.csrfField(session.csrf))
            \(eventField)
            \(Pages.field("Name", name: "name", value: form.name, required: true))
            \(Pages.field("Company", name: "company", value: form.company))
            \(Pages.field("Email", name: "email", value: form.email, type: "email", inputMode: "email"))
            \(Pages.field("Phone", name: "phone", value: form.phone, type: "tel", inputMode: "tel"))
            \(Pages.field("Booth", name: "booth", value: form.booth, hint: "Where you met, like 12 or Hall B"))
            <label for="note">Note</label>
            <textarea id="note" name="note" rows="3">\(form.note)</textarea>
            <details\(form.badge?.isEmpty == false ? " open" : "")><summary>Badge scan</summary>
            <label for="badge">Badge payload</label><small>Paste what the scanner read (vCard, MECARD or a link)</small>
            <textarea id="badge" name="badge" rows="4">\(form.badge)</textarea>
            </details>
            <div class="actions"><button class="primary" type="submit">Check in</button></div>
            </form>
            """
        return Pages.layout(title: "Check in", session: session, body: body)
    }

    /// The edition on today (UTC), else the latest that has started, else the first listed.
    static func defaultEvent(_ events: [Event], today: CalendarDay = CalendarDay(Date(), in: TimeZone(identifier: "UTC")!)) -> Event? {
        events.first { $0.startDate <= today && today <= $0.endDate }
            ?? events.last { $0.startDate <= today }
            ?? events.first
    }
}
