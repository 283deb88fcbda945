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
        #expect(throws: NotesError.unknownPerson("\"*")) { try store.db.resolvePerson("\"*") }
        let message = NotesError.ambiguousPerson("anna", candidates: [PersonCandidate(id: 7, name: "Anna Weber", company: "Globex")]).description
        #expect(message.contains("7  Anna Weber (Globex)"))
    }
}
