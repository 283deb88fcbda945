import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
import LanyardServer
import LanyardStore
import Testing

@Suite("Check-in API")
struct CheckInAPITests {
    @Test("POST /checkins answers like `lanyard checkin --json`, and recognises a repeat")
    func checkInTwice() async throws {
        // Given two editions of a conference
        let server = try TestServer()
        try server.addEditions()
        try await server.app().test(.router) { client in
            // When Liz is checked in at the first, then again by email at the second
            let first = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"event":"swiftconf-2025","name":"Liz Moreau","company":"Acme","email":"liz@acme.com","booth":"12","note":"runs marathons"}"#))
            let second = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"event":"swiftconf-2026","name":"Liz","email":"LIZ@acme.com","at":"2026-09-14T10:00:00Z"}"#))

            // Then the first is new, the second is recognised with the earlier meeting and note
            #expect(first.status == .created)
            let new = try first.json(CheckInResult.self)
            #expect(new.recognized == false)
            #expect(new.meeting.booth == "12")
            #expect(second.status == .created)
            let again = try second.json(CheckInResult.self)
            #expect(again.recognized)
            #expect(again.person.id == new.person.id)
            #expect(again.matchedBy.contains("email"))
            #expect(again.previousMeetings.map(\.eventSlug) == ["swiftconf-2025"])
            #expect(again.notes.map(\.body) == ["runs marathons"])
            // And the keys are the CLI's snake_case
            #expect(second.text.contains(#""previous_meetings":"#))
            #expect(second.text.contains(#""matched_by":"#))
        }
    }

    @Test("same_as attaches to the given person; same_as with new is a 400")
    func decisions() async throws {
        let server = try TestServer()
        try server.addEditions()
        let liz = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", email: "liz@acme.com"))
        try await server.app().test(.router) { client in
            let attached = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"event":"swiftconf-2026","name":"E. Moreau","same_as":\#(liz.person.id)}"#))
            #expect(attached.status == .created)
            #expect(try attached.json(CheckInResult.self).person.id == liz.person.id)

            let both = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"event":"swiftconf-2026","name":"X","same_as":1,"new":true}"#))
            #expect(both.status == .badRequest)
            #expect(both.errorMessage == "give same_as or new, not both")

            let unknown = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"event":"swiftconf-2026","name":"X","same_as":999}"#))
            #expect(unknown.status == .notFound)
        }
        #expect(try server.database.people().count == 1)
    }

    @Test("bad input is refused and nothing is written: 400 field, 404 event, 401, 413")
    func refusals() async throws {
        let server = try TestServer(maxBodyBytes: 2_000)
        try server.addEditions()
        try await server.app().test(.router) { client in
            let badEmail = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"event":"swiftconf-2026","name":"Liz","email":"not-an-email"}"#))
            #expect(badEmail.status == .badRequest)
            #expect(badEmail.errorMessage?.hasPrefix("email:") == true)

            let noEvent = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"name":"Liz"}"#))
            #expect(noEvent.status == .badRequest)
            #expect(noEvent.errorMessage?.contains("event") == true)

            let unknownEvent = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"event":"nope-2026","name":"Liz"}"#))
            #expect(unknownEvent.status == .notFound)

            let noToken = try await client.execute(
                uri: "/checkins", method: .post, headers: jsonHeaders, body: body(#"{"event":"swiftconf-2026","name":"Liz"}"#))
            #expect(noToken.status == .unauthorized)

            let huge = try await client.execute(
                uri: "/checkins", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"event":"swiftconf-2026","name":"Liz","note":"\#(String(repeating: "x", count: 5_000))"}"#))
            #expect(huge.status == .contentTooLarge)
        }
        #expect(try server.database.people().isEmpty)
    }
}

extension TestServer {
    /// SwiftConf 2025 (past) and 2026, and SwiftConf 2027 (upcoming, for briefings).
    func addEditions() throws {
        _ = try database.addEvent(EventDraft(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "SwiftConf", start: "2025-09-15", end: "2025-09-16", city: "Berlin"))
        _ = try database.addEvent(EventDraft(slug: "swiftconf-2026", name: "SwiftConf 2026", series: "SwiftConf", start: "2026-09-14", end: "2026-09-15", city: "Berlin"))
        _ = try database.addEvent(EventDraft(slug: "swiftconf-2099", name: "SwiftConf 2099", series: "SwiftConf", start: "2099-09-14", end: "2099-09-15", city: "Berlin"))
    }
}
