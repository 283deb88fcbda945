import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import LanyardEvents
import LanyardNotes
import LanyardServer
import LanyardStore
import Testing

@Suite("People, notes, facts and tags API")
struct PeopleAPITests {
    @Test("list, show, search, merge, unmerge and forget go through the modules")
    func people() async throws {
        // Given Liz met twice as two people, and Sam
        let server = try TestServer()
        try server.addEditions()
        let liz = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", company: "Acme", email: "liz@acme.com", note: "marathon in Berlin"))
        let elizabeth = try server.database.checkIn(CheckInRequest(event: "swiftconf-2026", name: "Elizabeth Moreau", email: "e.moreau@home.example", decision: .new))
        _ = try server.database.checkIn(CheckInRequest(event: "swiftconf-2026", name: "Sam Okafor", email: "sam@example.org"))
        try await server.app().test(.router) { client in
            // When the API lists, shows and searches
            let list = try await client.execute(uri: "/people", method: .get, headers: server.bearer())
            #expect(Set(try list.json([PersonListItem].self).map(\.name)) == ["Liz Moreau", "Elizabeth Moreau", "Sam Okafor"])
            let page = try await client.execute(uri: "/people?limit=1&offset=1", method: .get, headers: server.bearer())
            #expect(try page.json([PersonListItem].self).count == 1)
            let show = try await client.execute(uri: "/people/\(liz.person.id)", method: .get, headers: server.bearer())
            let profile = try show.json(PersonProfile.self)
            #expect(profile.name == "Liz Moreau")
            #expect(profile.notes.map(\.body) == ["marathon in Berlin"])
            let search = try await client.execute(uri: "/people/search?q=marathon", method: .get, headers: server.bearer())
            #expect(try search.json([SearchHit].self).map(\.personId) == [liz.person.id])

            // And merges Elizabeth into Liz, undoes it, and forgets Elizabeth
            let merge = try await client.execute(
                uri: "/people/merge", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"keep":\#(liz.person.id),"other":\#(elizabeth.person.id)}"#))
            #expect(merge.status == .ok)
            #expect(try merge.json(MergeSummary.self).meetings == 1)
            #expect(try server.database.people().count == 2)
            let unmerge = try await client.execute(uri: "/people/\(elizabeth.person.id)/unmerge", method: .post, headers: server.bearer())
            #expect(unmerge.status == .ok)
            #expect(try server.database.people().count == 3)
            let forget = try await client.execute(uri: "/people/\(elizabeth.person.id)", method: .delete, headers: server.bearer())
            #expect(try forget.json(ForgetSummary.self).meetings == 1)

            // Then unknown and malformed ids are 404 and 400
            let gone = try await client.execute(uri: "/people/\(elizabeth.person.id)", method: .get, headers: server.bearer())
            #expect(gone.status == .notFound)
            let malformed = try await client.execute(uri: "/people/liz", method: .get, headers: server.bearer())
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorMessage?.hasPrefix("id:") == true)
            let selfMerge = try await client.execute(
                uri: "/people/merge", method: .post, headers: server.bearer(jsonHeaders),
                body: body(#"{"keep":\#(liz.person.id),"other":\#(liz.person.id)}"#))
            #expect(selfMerge.status == .badRequest)
            let noQuery = try await client.execute(uri: "/people/search", method: .get, headers: server.bearer())
            #expect(noQuery.status == .badRequest)
            let noToken = try await client.execute(uri: "/people", method: .get)
            #expect(noToken.status == .unauthorized)
        }
        #expect(try server.database.people().map(\.name).sorted() == ["Liz Moreau", "Sam Okafor"])
    }

    @Test("notes, facts and tags are written and read back")
    func notesFactsTags() async throws {
        let server = try TestServer()
        try server.addEditions()
        let liz = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", email: "liz@acme.com")).person.id
        try await server.app().test(.router) { client in
            // Notes
            let added = try await client.execute(uri: "/people/\(liz)/notes", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"body":"likes trail runs"}"#))
            #expect(added.status == .created)
            let note = try added.json(Note.self)
            let updated = try await client.execute(uri: "/notes/\(note.id!)", method: .put, headers: server.bearer(jsonHeaders), body: body(#"{"body":"likes trail running"}"#))
            #expect(try updated.json(Note.self).body == "likes trail running")
            let listed = try await client.execute(uri: "/people/\(liz)/notes", method: .get, headers: server.bearer())
            #expect(try listed.json([Note].self).map(\.body) == ["likes trail running"])
            let empty = try await client.execute(uri: "/people/\(liz)/notes", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"body":"  "}"#))
            #expect(empty.status == .badRequest)
            let deleted = try await client.execute(uri: "/notes/\(note.id!)", method: .delete, headers: server.bearer())
            #expect(deleted.status == .ok)
            let deletedAgain = try await client.execute(uri: "/notes/\(note.id!)", method: .delete, headers: server.bearer())
            #expect(deletedAgain.status == .notFound)

            // Facts
            let fact = try await client.execute(uri: "/people/\(liz)/facts/Ask%20about", method: .put, headers: server.bearer(jsonHeaders), body: body(#"{"value":"marathon"}"#))
            #expect(fact.status == .ok)
            #expect(try fact.json(Fact.self).key == "ask-about")
            let facts = try await client.execute(uri: "/people/\(liz)/facts", method: .get, headers: server.bearer())
            #expect(try facts.json([Fact].self).map(\.value) == ["marathon"])
            let missingValue = try await client.execute(uri: "/people/\(liz)/facts/family", method: .put, headers: server.bearer(jsonHeaders), body: body(#"{}"#))
            #expect(missingValue.status == .badRequest)
            #expect(missingValue.errorMessage == #"missing field "value""#)
            let removed = try await client.execute(uri: "/people/\(liz)/facts/ask-about", method: .delete, headers: server.bearer())
            #expect(removed.status == .ok)
            let removedAgain = try await client.execute(uri: "/people/\(liz)/facts/ask-about", method: .delete, headers: server.bearer())
            #expect(removedAgain.status == .notFound)

            // Tags
            let tags = try await client.execute(uri: "/people/\(liz)/tags", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"tags":["Swift Community","runner"]}"#))
            #expect(try tags.json([String].self) == ["runner", "swift-community"])
            let untagged = try await client.execute(uri: "/people/\(liz)/tags/runner", method: .delete, headers: server.bearer())
            #expect(try untagged.json([String].self) == ["swift-community"])
            let nobody = try await client.execute(uri: "/people/9999/tags", method: .post, headers: server.bearer(jsonHeaders), body: body(#"{"tags":["x"]}"#))
            #expect(nobody.status == .notFound)
        }
        #expect(try server.database.tags(personId: liz) == ["swift-community"])
        #expect(try server.database.currentFacts(personId: liz).isEmpty)
    }
}
