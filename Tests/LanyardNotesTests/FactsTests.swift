import Foundation
import LanyardNotes
import LanyardStore
import Testing

@Suite("Facts keep their history")
struct FactsTests {
    @Test("setting a fact again supersedes the old value and keeps it")
    func history() throws {
        // Given a person with a fact
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        try store.db.setFact(personId: anna.id!, key: "Family", value: "one daughter", at: TestStore.day(0))

        // When the fact is set again with a new value
        try store.db.setFact(personId: anna.id!, key: "family", value: "twin daughters", at: TestStore.day(30))

        // Then the new value is current and the old one is in the history, superseded then
        let current = try store.db.currentFacts(personId: anna.id!)
        #expect(current.map(\.value) == ["twin daughters"])
        #expect(current.first?.key == "family")
        let history = try store.db.factHistory(personId: anna.id!)
        #expect(history.map(\.value) == ["twin daughters", "one daughter"])
        #expect(history.last?.supersededAt == TestStore.day(30))
        #expect(history.last?.learnedAt == TestStore.day(0))
    }

    @Test("the same value again changes nothing")
    func sameValue() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        try store.db.setFact(personId: anna.id!, key: "hometown", value: "Leeds")
        try store.db.setFact(personId: anna.id!, key: "hometown", value: "  Leeds ")
        #expect(try store.db.factHistory(personId: anna.id!).count == 1)
    }

    @Test("removing a fact supersedes it without a successor")
    func remove() throws {
        // Given a fact
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        try store.db.setFact(personId: anna.id!, key: "Ask about", value: "her marathon")

        // When it is removed
        let removed = try store.db.removeFact(personId: anna.id!, key: "ask-about")

        // Then no value is current, the history keeps it, and removing again is an error
        #expect(removed.value == "her marathon")
        #expect(try store.db.currentFacts(personId: anna.id!).isEmpty)
        #expect(try store.db.factHistory(personId: anna.id!).map(\.value) == ["her marathon"])
        #expect(throws: NotesError.unknownFact(person: "Anna Schmidt", key: "ask-about")) {
            try store.db.removeFact(personId: anna.id!, key: "ask about")
        }
    }

    @Test("a fact learned at a meeting remembers it; someone else's meeting is refused")
    func meeting() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let bob = try store.person("Bob Stone")
        let conf = try store.event("swiftconf-2025", name: "SwiftConf 2025")
        let met = try store.meeting(anna, at: conf, on: TestStore.day(0))
        let fact = try store.db.setFact(personId: anna.id!, key: "dietary", value: "vegan", meetingId: met.id)
        #expect(fact.meetingId == met.id)
        #expect(throws: NotesError.unknownMeeting(met.id!, personId: bob.id!)) {
            try store.db.setFact(personId: bob.id!, key: "dietary", value: "vegan", meetingId: met.id)
        }
    }

    @Test("an empty value or a key with no word is refused")
    func badInput() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        #expect(throws: NotesError.emptyFactValue(key: "family")) {
            try store.db.setFact(personId: anna.id!, key: "family", value: "  ")
        }
        #expect(throws: NotesError.invalidName(field: "fact key", given: "--")) {
            try store.db.setFact(personId: anna.id!, key: "--", value: "x")
        }
    }
}
