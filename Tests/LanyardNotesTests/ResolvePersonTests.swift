import Foundation
import LanyardNotes
import LanyardStore
import Testing

@Suite("Resolving PERSON")
struct ResolvePersonTests {
    @Test("an id, a full name, or a unique prefix resolves, ignoring accents and case")
    func resolves() throws {
        let store = try TestStore()
        let jose = try store.person("José Álvarez", company: "Acme")
        try store.person("Anna Schmidt")
        #expect(try store.db.resolvePerson(String(jose.id!)).id == jose.id)
        #expect(try store.db.resolvePerson("jose alvarez").id == jose.id)
        #expect(try store.db.resolvePerson("JOS").id == jose.id)
        #expect(try store.db.resolvePerson("álv").id == jose.id)
    }

    @Test("an exact full name wins over longer names")
    func exactWins() throws {
        let store = try TestStore()
        let ann = try store.person("Ann Lee")
        try store.person("Ann Leeds")
        #expect(try store.db.resolvePerson("ann lee").id == ann.id)
    }

    @Test("an ambiguous name lists the candidates; an unknown one says so")
    func ambiguousAndUnknown() throws {
        let store = try TestStore()
        let a = try store.person("Anna Schmidt", company: "Acme")
        let b = try store.person("Anna Weber", company: "Globex")
        #expect(throws: NotesError.ambiguousPerson("anna", candidates: [
            PersonCandidate(id: a.id!, name: "Anna Schmidt", company: "Acme"),
            PersonCandidate(id: b.id!, name: "Anna Weber", company: "Globex"),
        ])) { try store.db.resolvePerson("anna") }
        #expect(throws: NotesError.unknownPerson("Zed")) { try store.db.resolvePerson("Zed") }
        #expect(throws: NotesError.unknownPerson("999")) { try store.db.resolvePerson("999") }
        #expect(NotesError.unknownPerson("999").description.hasPrefix("no person with id 999"))
        #expect(NotesError.unknownPerson("Zed").description.hasPrefix("no person matches \"Zed\""))
        #expect(throws: NotesError.unknownPerson("\"*")) { try store.db.resolvePerson("\"*") }
        let message = NotesError.ambiguousPerson("anna", candidates: [PersonCandidate(id: 7, name: "Anna Weber", company: "Globex")]).description
        #expect(message.contains("7  Anna Weber (Globex)"))
    }

    @Test("a nickname finds the given name, and the given name finds the nickname")
    func nicknames() throws {
        // Given Elizabeth Moreau, Liz Dubois and Robert Stone
        let store = try TestStore()
        let elizabeth = try store.person("Elizabeth Moreau", company: "Acme")
        let liz = try store.person("Liz Dubois")
        let robert = try store.person("Robert Stone")

        // Then Liz finds Elizabeth, Elizabeth finds Liz, Bob finds Robert, each way round
        #expect(try store.db.resolvePerson("Liz Moreau").id == elizabeth.id)
        #expect(try store.db.resolvePerson("lizzy moreau").id == elizabeth.id)
        #expect(try store.db.resolvePerson("Elizabeth Dubois").id == liz.id)
        #expect(try store.db.resolvePerson("Bob").id == robert.id)
        #expect(try store.db.resolvePerson("bob sto").id == robert.id)
    }

    @Test("distinct given names are not nicknames: Emma is not Emily")
    func distinctNames() throws {
        let store = try TestStore()
        try store.person("Emily Moreau")
        #expect(throws: NotesError.unknownPerson("Emma Moreau")) { try store.db.resolvePerson("Emma Moreau") }
        #expect(throws: NotesError.unknownPerson("Emma")) { try store.db.resolvePerson("Emma") }
    }

    @Test("the name as typed wins over a nickname; two nickname matches are listed")
    func nicknamePrecedence() throws {
        // Given Liz Moreau and Elizabeth Moreau, Rob Stone and Robert Stone
        let store = try TestStore()
        let liz = try store.person("Liz Moreau", company: "Acme")
        let elizabeth = try store.person("Elizabeth Moreau", company: "Globex")
        let rob = try store.person("Rob Stone")
        let robert = try store.person("Robert Stone")

        // Then each full name finds its own person, and Beth (Elizabeth's, not Liz's) finds Elizabeth
        #expect(try store.db.resolvePerson("liz moreau").id == liz.id)
        #expect(try store.db.resolvePerson("Elizabeth Moreau").id == elizabeth.id)
        #expect(try store.db.resolvePerson("Beth Moreau").id == elizabeth.id)

        // And Bob, a nickname of both Rob and Robert, lists both
        #expect(throws: NotesError.ambiguousPerson("Bob Stone", candidates: [
            PersonCandidate(id: rob.id!, name: "Rob Stone", company: nil),
            PersonCandidate(id: robert.id!, name: "Robert Stone", company: nil),
        ])) { try store.db.resolvePerson("Bob Stone") }
    }
}
