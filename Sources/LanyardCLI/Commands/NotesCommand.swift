import ArgumentParser
import Foundation
import LanyardNotes
import LanyardStore

/// `lanyard notes ...`: free notes on people.
struct NotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Add, list, edit and remove notes on people.",
        subcommands: [Add.self, List.self, Edit.self, Remove.self]
    )

    /// `lanyard notes add PERSON TEXT... [--meeting ID]`
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a note to a person.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "An id, or a name only one person has.")
        var person: String
        @Argument(help: "The note (several words are joined with spaces).")
        var text: [String] = []
        @Option(help: ArgumentHelp("The meeting the note is about.", valueName: "id"))
        var meeting: Int64?

        func run() async throws {
            let db = try store.open()
            let person = try db.resolvePerson(person)
            let note = try db.addNote(personId: person.id!, body: text.joined(separator: " "), meetingId: meeting)
            if output.json {
                try Console.current.json(note)
            } else {
                Console.current.line("Added note #\(note.id!) to \(person.name).")
            }
        }
    }

    /// `lanyard notes list PERSON [--json]`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a person's notes, newest first.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "An id, or a name only one person has.")
        var person: String

        func run() async throws {
            let db = try store.open()
            let person = try db.resolvePerson(person)
            let notes = try db.notes(personId: person.id!)
            let console = Console.current
            if output.json {
                try console.json(notes)
                return
            }
            if notes.isEmpty {
                console.line("No notes on \(person.name) yet. Add one with `lanyard notes add \(person.id!) TEXT`.")
            }
            for note in notes {
                let day = CalendarDay(note.createdAt, in: .current)
                let body = note.body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
                console.line("#\(note.id!)  \(day)  \(body)")
            }
        }
    }

    /// `lanyard notes edit NOTE`
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Edit a note in $EDITOR.",
            discussion: "Saving an empty file, or quitting the editor with an error, leaves the note as it was.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The note's id (see `lanyard notes list PERSON`).")
        var note: Int64

        func run() async throws {
            let db = try store.open()
            let editor = ExternalEditor.fromEnvironment()
            let result = try db.editNote(id: note) { try editor.edit($0, fileName: "lanyard-note-\(note).txt") }
            if output.json {
                try Console.current.json(result.note)
            } else {
                Console.current.line(result.changed ? "Updated note #\(note)." : "Note #\(note) is unchanged.")
            }
        }
    }

    /// `lanyard notes rm NOTE`
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove a note.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The note's id (see `lanyard notes list PERSON`).")
        var note: Int64

        func run() async throws {
            let removed = try store.open().deleteNote(id: note)
            if output.json {
                try Console.current.json(removed)
            } else {
                Console.current.line("Removed note #\(note).")
            }
        }
    }
}
