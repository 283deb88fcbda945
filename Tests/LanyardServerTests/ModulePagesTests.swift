import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
import LanyardFollowUp
import LanyardNotes
import LanyardServer
import LanyardStore
import Testing

@Suite("Check-in, person and follow-up pages")
struct ModulePagesTests {
    @Test("the check-in form saves at once and shows the recognition: where you met, booth, what to ask about")
    func recognition() async throws {
        // Given Liz met at booth 12 of SwiftConf 2025, with something to ask her about
        let server = try TestServer()
        try server.addEditions()
        let liz = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", company: "Acme", email: "liz@acme.com", booth: "12", note: "training for Berlin"))
        try server.database.setFact(personId: liz.person.id, key: "ask about", value: "marathon")
        try await server.app().test(.router) { client in
            // When the booth phone checks her in by email at SwiftConf 2026
            let response = try await client.execute(
                uri: "/app/checkin", method: .post, headers: server.browser(formHeaders),
                body: form([("csrf", server.csrfValue), ("event", "swiftconf-2026"), ("name", "Liz"), ("email", "liz@acme.com"),
                            ("company", ""), ("phone", ""), ("booth", "3"), ("note", ""), ("badge", "")]))

            // Then the answer says where they met and what to ask about, and the form is empty again
            #expect(response.status == .ok)
            #expect(response.text.contains("You met Liz at SwiftConf 2025, booth 12 — ask about: marathon"))
            #expect(response.text.contains("training for Berlin"))
            #expect(response.text.contains(#"href="/app/people/\#(liz.person.id)""#))
            #expect(response.text.contains(#"<option value="swiftconf-2026" selected>"#))
            #expect(response.text.contains(#"id="name" name="name" type="text" value="""#))
        }
        #expect(try server.database.profile(personId: liz.person.id).meetings.count == 2)
    }

    @Test("weak evidence saves nothing yet; Same person re-submits with same_as, New person with new")
    func samePersonQuestion() async throws {
        // Given Liz Moreau of Acme, and someone called "Elizabeth Moreau" (no company) at the booth
        let server = try TestServer()
        try server.addEditions()
        let liz = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", company: "Acme", email: "liz@acme.com"))
        let typed: [(String, String)] = [("csrf", server.csrfValue), ("event", "swiftconf-2026"), ("name", "Elizabeth Moreau"), ("company", ""), ("booth", "7")]
        try await server.app().test(.router) { client in
            // When the form is sent
            let question = try await client.execute(uri: "/app/checkin", method: .post, headers: server.browser(formHeaders), body: form(typed))

            // Then the page asks, offering Liz, and nothing was written
            #expect(question.status == .ok)
            #expect(question.text.contains("<h1>Same person?</h1>"))
            #expect(question.text.contains(#"name="same_as" value="\#(liz.person.id)""#))
            #expect(question.text.contains(#"name="new" value="1""#))
            #expect(question.text.contains(#"name="booth" value="7""#))
            #expect(try server.database.people().count == 1)

            // When "Same person" is pressed
            let same = try await client.execute(uri: "/app/checkin", method: .post, headers: server.browser(formHeaders),
                                                body: form(typed + [("same_as", String(liz.person.id))]))
            #expect(same.status == .ok)
            #expect(same.text.contains("You met Elizabeth at SwiftConf 2025") || same.text.contains("You met Liz at SwiftConf 2025"))

            // And for someone else, "New person"
            let other = try await client.execute(uri: "/app/checkin", method: .post, headers: server.browser(formHeaders),
                                                 body: form(typed + [("new", "1")]))
            #expect(other.text.contains("New contact: Elizabeth Moreau"))
        }
        #expect(try server.database.people().count == 2)
        #expect(try server.database.profile(personId: liz.person.id).meetings.count == 2)
    }

    @Test("the check-in form needs its CSRF value")
    func checkInCSRF() async throws {
        let server = try TestServer()
        try server.addEditions()
        try await server.app().test(.router) { client in
            let response = try await client.execute(
                uri: "/app/checkin", method: .post, headers: server.browser(formHeaders),
                body: form([("csrf", "forged"), ("event", "swiftconf-2026"), ("name", "Liz")]))
            #expect(response.status == .forbidden)
        }
        #expect(try server.database.people().isEmpty)
    }

    @Test("the person page shows the profile, escaped; search finds people")
    func personPage() async throws {
        let server = try TestServer()
        try server.addEditions()
        let liz = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", company: "<Acme>", email: "liz@acme.com", booth: "12", note: "runs marathons"))
        try server.database.setFact(personId: liz.person.id, key: "family", value: "two kids")
        _ = try server.database.addTags(["runner"], personId: liz.person.id)
        try await server.app().test(.router) { client in
            let page = try await client.execute(uri: "/app/people/\(liz.person.id)", method: .get, headers: server.browser())
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Liz Moreau</h1>"))
            #expect(page.text.contains("&lt;Acme&gt;"))
            #expect(page.text.contains("liz@acme.com"))
            #expect(page.text.contains("<strong>family</strong>: two kids"))
            #expect(page.text.contains("Tags: runner"))
            #expect(page.text.contains("SwiftConf 2025, booth 12"))
            #expect(page.text.contains("runs marathons"))
            let search = try await client.execute(uri: "/app/people?q=marathons", method: .get, headers: server.browser())
            #expect(search.text.contains(#"href="/app/people/\#(liz.person.id)""#))
            let missing = try await client.execute(uri: "/app/people/999", method: .get, headers: server.browser())
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
        }
    }

    @Test("the follow-up review list approves and skips with plain forms, CSRF checked")
    func followUpReview() async throws {
        // Given drafts for Liz and Sam
        let server = try TestServer()
        try server.addEditions()
        try server.configureSender()
        _ = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", email: "liz@acme.com"))
        _ = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Sam Okafor", email: "sam@example.org"))
        let drafts = try server.followUps().draft(eventSlug: nil, day: nil).created
        let (liz, sam) = (drafts[0].id, drafts[1].id)
        try await server.app().test(.router) { client in
            // When the list is opened
            let list = try await client.execute(uri: "/app/followups", method: .get, headers: server.browser())
            #expect(list.status == .ok)
            #expect(list.text.contains(#"action="/app/followups/\#(liz)/approve""#))
            #expect(list.text.contains(#"action="/app/followups/\#(sam)/skip""#))

            // Then a forged form is refused, and real ones approve and skip
            let forged = try await client.execute(uri: "/app/followups/\(liz)/approve", method: .post, headers: server.browser(formHeaders), body: form([("csrf", "x")]))
            #expect(forged.status == .forbidden)
            let approve = try await client.execute(uri: "/app/followups/\(liz)/approve", method: .post, headers: server.browser(formHeaders), body: form([("csrf", server.csrfValue)]))
            #expect(approve.status == .seeOther)
            #expect(approve.headers[.location]?.hasPrefix("/app/followups?done=Approved") == true)
            let skip = try await client.execute(uri: "/app/followups/\(sam)/skip", method: .post, headers: server.browser(formHeaders), body: form([("csrf", server.csrfValue)]))
            #expect(skip.status == .seeOther)
            let skipAgain = try await client.execute(uri: "/app/followups/\(sam)/skip", method: .post, headers: server.browser(formHeaders), body: form([("csrf", server.csrfValue)]))
            #expect(skipAgain.status == .conflict)
            #expect(skipAgain.headers[.contentType] == "text/html; charset=utf-8")
        }
        #expect(try server.database.followUp(id: liz).state == .approved)
        #expect(try server.database.followUp(id: sam).state == .skipped)
    }
}

extension TestServer {
    /// The CSRF value of the logged-in test browser's forms.
    var csrfValue: String { token.csrfToken(forSession: token.sessionValue) }
}
