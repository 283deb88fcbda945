import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
import LanyardFollowUp
import LanyardServer
import LanyardStore
import Testing

@Suite("Follow-ups API")
struct FollowUpsAPITests {
    @Test("list, show, edit, approve, skip and send through the follow-up module")
    func review() async throws {
        // Given a sender configured and drafts for Liz and Sam
        let server = try TestServer()
        try server.addEditions()
        try server.configureSender()
        _ = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", email: "liz@acme.com"))
        _ = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Sam Okafor", email: "sam@example.org"))
        let drafts = try server.followUps().draft(eventSlug: nil, day: nil).created
        let (liz, sam) = (drafts[0].id, drafts[1].id)
        try await server.app().test(.router) { client in
            // When they are listed, one is edited and approved, the other skipped
            let list = try await client.execute(uri: "/followups?state=draft", method: .get, headers: server.bearer())
            #expect(try list.json([FollowUpItem].self).map(\.id) == [liz, sam])
            let edited = try await client.execute(
                uri: "/followups/\(liz)", method: .put, headers: server.bearer(jsonHeaders),
                body: body(#"{"subject":"Great to see you","body":"Hi Liz,\n\nGood luck with the marathon!\n\nAda"}"#))
            #expect(edited.status == .ok)
            #expect(try edited.json(FollowUpItem.self).subject == "Great to see you")
            let approved = try await client.execute(uri: "/followups/\(liz)/approve", method: .post, headers: server.bearer())
            #expect(try approved.json(FollowUpItem.self).state == .approved)
            let skipped = try await client.execute(uri: "/followups/\(sam)/skip", method: .post, headers: server.bearer())
            #expect(try skipped.json(FollowUpItem.self).state == .skipped)

            // Then show agrees, and a second approve is a conflict
            let shown = try await client.execute(uri: "/followups/\(liz)", method: .get, headers: server.bearer())
            #expect(try shown.json(FollowUpItem.self).body.contains("marathon"))
            let again = try await client.execute(uri: "/followups/\(liz)/approve", method: .post, headers: server.bearer())
            #expect(again.status == .conflict)

            // And sending without SMTP says what to configure
            let send = try await client.execute(uri: "/followups/send", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"ids":[\#(liz)]}"#))
            #expect(send.status == .serviceUnavailable)
            #expect(send.errorMessage?.contains("not configured") == true)
        }
        #expect(try server.database.followUp(id: liz).state == .approved)
    }

    @Test("unknown id 404, bad state 400, bad body 400, no token 401")
    func refusals() async throws {
        let server = try TestServer()
        try server.configureSender()
        try await server.app().test(.router) { client in
            let unknown = try await client.execute(uri: "/followups/42", method: .get, headers: server.bearer())
            #expect(unknown.status == .notFound)
            let approveUnknown = try await client.execute(uri: "/followups/42/approve", method: .post, headers: server.bearer())
            #expect(approveUnknown.status == .notFound)
            let state = try await client.execute(uri: "/followups?state=maybe", method: .get, headers: server.bearer())
            #expect(state.status == .badRequest)
            #expect(state.errorMessage?.hasPrefix("state:") == true)
            let edit = try await client.execute(uri: "/followups/42", method: .put, headers: server.bearer(jsonHeaders), body: body(#"{"subject":1}"#))
            #expect(edit.status == .badRequest)
            let noToken = try await client.execute(uri: "/followups", method: .get)
            #expect(noToken.status == .unauthorized)
        }
    }
}

extension TestServer {
    /// The follow-up module over this server's database and config folder.
    func followUps() -> FollowUpService {
        FollowUpService(database: database, configDirectory: configuration.location.configDirectory, environment: [:], logger: Self.logger)
    }

    /// A sender (no SMTP): drafts are complete and can be approved, nothing can be sent.
    func configureSender() throws {
        try FileManager.default.createDirectory(atPath: configuration.location.configDirectory, withIntermediateDirectories: true)
        try FollowUpSettings(sender: .init(name: "Ada Lovelace", email: "ada@example.org")).save(to: configuration.location.configDirectory)
    }
}
