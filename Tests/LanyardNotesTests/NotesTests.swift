import Foundation
import LanyardNotes
import LanyardStore
import Testing

@Suite("Notes")
struct NotesTests {
    @Test("notes are listed newest first, trimmed, optionally tied to a meeting")
    func addAndList() throws {
        // Given a person met at an event
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let conf = try store.event("swiftconf-2025", name: "SwiftConf 2025")
        let met = try store.meeting(anna, at: conf, on: TestStore.day(0))

        // When two notes are added, one about the meeting
        try store.db.addNote(personId: anna.id!, body: "  Works on the compiler.\n", meetingId: met.id, at: TestStore.day(0))
        try store.db.addNote(personId: anna.id!, body: "Moved to Berlin", at: TestStore.day(40))

        // Then they come newest first
        let notes = try store.db.notes(personId: anna.id!)
        #expect(notes.map(\.body) == ["Moved to Berlin", "Works on the compiler."])
        #expect(notes.map(\.meetingId) == [nil, met.id])
    }

    @Test("an empty note is refused and nothing is stored")
    func emptyNote() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        #expect(throws: NotesError.emptyNote) { try store.db.addNote(personId: anna.id!, body: " \n\t ") }
        #expect(try store.db.notes(personId: anna.id!).isEmpty)
    }

    @Test("update, edit with a function, and delete")
    func updateAndDelete() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let note = try store.db.addNote(personId: anna.id!, body: "first", at: TestStore.day(0))

        let updated = try store.db.updateNote(id: note.id!, body: "second", at: TestStore.day(1))
        #expect(updated.body == "second")
        #expect(updated.createdAt == TestStore.day(0))
        #expect(updated.updatedAt == TestStore.day(1))

        let same = try store.db.editNote(id: note.id!) { $0 + "\n" }
        #expect(same.changed == false)

        #expect(throws: NotesError.emptyNote) { try store.db.editNote(id: note.id!) { _ in "" } }
        #expect(try store.db.note(id: note.id!).body == "second")

        try store.db.deleteNote(id: note.id!)
        #expect(throws: NotesError.unknownNote(note.id!)) { try store.db.note(id: note.id!) }
    }
}

@Suite("Tags")
struct TagsTests {
    @Test("tags are kebab-case, deduplicated, and removable")
    func tags() throws {
        // Given a person
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")

        // When tagged with mixed spellings
        let tags = try store.db.addTags(["Swift Community", "investor", "swift_community", "Café Owner"], personId: anna.id!)

        // Then each tag is stored once in kebab-case
        #expect(tags == ["cafe-owner", "investor", "swift-community"])

        // And untagging removes only the named ones, ignoring unknown ones
        #expect(try store.db.removeTags(["INVESTOR", "never-there"], personId: anna.id!) == ["cafe-owner", "swift-community"])
    }

    @Test("one invalid tag adds none")
    func allOrNothing() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        #expect(throws: NotesError.invalidName(field: "tag", given: "!!")) {
            try store.db.addTags(["ok", "!!"], personId: anna.id!)
        }
        #expect(try store.db.tags(personId: anna.id!).isEmpty)
    }
}
