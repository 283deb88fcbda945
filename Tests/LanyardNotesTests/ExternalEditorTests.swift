import Foundation
import LanyardNotes
import LanyardStore
import Testing

@Suite("Editing a note in $EDITOR")
struct ExternalEditorTests {
    /// Writes an executable shell script to use as the editor.
    static func script(_ body: String, in store: TestStore) throws -> String {
        let path = store.folder.appendingPathComponent("editor-\(UUID().uuidString).sh").path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
        return path
    }

    @Test("the editor's saved text replaces the note")
    func saves() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let note = try store.db.addNote(personId: anna.id!, body: "Likes Swift")
        let editor = ExternalEditor(command: try Self.script(#"printf 'Likes Swift and Rust\n' > "$1""#, in: store))
        let result = try store.db.editNote(id: note.id!) { try editor.edit($0) }
        #expect(result.changed)
        #expect(try store.db.note(id: note.id!).body == "Likes Swift and Rust")
    }

    @Test("the editor sees the current text")
    func seesText() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let note = try store.db.addNote(personId: anna.id!, body: "Likes Swift")
        let editor = ExternalEditor(command: try Self.script(#"printf ' (confirmed)' >> "$1""#, in: store))
        try store.db.editNote(id: note.id!) { try editor.edit($0) }
        #expect(try store.db.note(id: note.id!).body == "Likes Swift (confirmed)")
    }

    @Test("an editor exiting non-zero leaves the note as it was")
    func editorFails() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let note = try store.db.note(id: store.db.addNote(personId: anna.id!, body: "Likes Swift").id!)
        let command = try Self.script(#"printf 'half-written' > "$1"; exit 3"#, in: store)
        let editor = ExternalEditor(command: command)
        #expect(throws: NotesError.editorFailed(editor: command, reason: "exited with status 3")) {
            try store.db.editNote(id: note.id!) { try editor.edit($0) }
        }
        #expect(try store.db.note(id: note.id!) == note)
    }

    @Test("an empty buffer leaves the note as it was")
    func emptyBuffer() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let note = try store.db.note(id: store.db.addNote(personId: anna.id!, body: "Likes Swift").id!)
        let editor = ExternalEditor(command: try Self.script(#"printf '\n  \n' > "$1""#, in: store))
        #expect(throws: NotesError.emptyNote) { try store.db.editNote(id: note.id!) { try editor.edit($0) } }
        #expect(try store.db.note(id: note.id!) == note)
    }

    @Test("a missing editor is an error, not a crash")
    func missingEditor() throws {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt")
        let note = try store.db.note(id: store.db.addNote(personId: anna.id!, body: "Likes Swift").id!)
        let editor = ExternalEditor(command: "/nonexistent/editor")
        #expect(throws: NotesError.self) { try store.db.editNote(id: note.id!) { try editor.edit($0) } }
        #expect(try store.db.note(id: note.id!) == note)
    }

    @Test("$EDITOR is read from the environment, vi when unset")
    func environment() {
        #expect(ExternalEditor.fromEnvironment(["EDITOR": "nano -w"]).command == "nano -w")
        #expect(ExternalEditor.fromEnvironment([:]).command == "vi")
    }
}
