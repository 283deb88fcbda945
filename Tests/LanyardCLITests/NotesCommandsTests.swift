import ArgumentParser
import Foundation
import GRDB
import LanyardCLI
import LanyardNotes
import LanyardStore
import Testing
import LanyardTestSupport

/// Runs `lanyard` commands in-process against a fresh database file, capturing what they print.
private struct NotesCLI {
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var out = ""
        private var err = ""
        func append(out text: String) { lock.withLock { out += text } }
        func append(err text: String) { lock.withLock { err += text } }
        var stdout: String { lock.withLock { out } }
        var stderr: String { lock.withLock { err } }
    }

    let folder: URL
    let path: String
    let db: AppDatabase

    init() throws {
        folder = try TemporaryFolder.make("lanyard-notes-cli")
        path = folder.appendingPathComponent("test.sqlite").path
        db = try AppDatabase.open(at: path)
    }

    @discardableResult
    func person(_ name: String, company: String? = nil) throws -> Person {
        let key = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var person = Person(name: name, sortName: name, normalizedName: key, company: company)
        try db.writer.write { try person.insert($0) }
        return person
    }

    /// Parses `arguments` (with `--db` added) and runs the command; returns stdout.
    @discardableResult
    func run(_ arguments: [String]) async throws -> String {
        let parsed = try Lanyard.parseAsRoot(arguments + ["--db", path])
        guard var command = parsed as? any AsyncParsableCommand else {
            Issue.record("not an async command: \(arguments)")
            return ""
        }
        let output = Output()
        let console = Console(
            writeOut: { output.append(out: $0) }, writeErr: { output.append(err: $0) },
            isInteractive: false, readLine: { nil })
        try await Console.$current.withValue(console) { try await command.run() }
        return output.stdout
    }
}

@Suite("CLI: notes, facts, tags, search, people show", .serialized)
struct NotesCommandsTests {
    @Test("notes add and list resolve a person by name; --json prints one document")
    func notes() async throws {
        let cli = try NotesCLI()
        try cli.person("José Álvarez", company: "Acme")
        #expect(try await cli.run(["notes", "add", "jose", "Runs", "marathons"]).contains("Added note #1 to José Álvarez."))
        let json = try await cli.run(["notes", "list", "ALVAREZ", "--json"])
        let notes = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(notes.map { $0["body"] as? String } == ["Runs marathons"])
        #expect(notes.first?["person_id"] as? Int == 1)
    }

    @Test("an empty note, an unknown or ambiguous person: clear errors, nothing changes")
    func badInput() async throws {
        let cli = try NotesCLI()
        try cli.person("Anna Schmidt", company: "Acme")
        try cli.person("Anna Weber", company: "Globex")
        await #expect(throws: NotesError.emptyNote) { try await cli.run(["notes", "add", "1", "  "]) }
        await #expect(throws: NotesError.unknownPerson("Zed")) { try await cli.run(["tag", "Zed", "vip"]) }
        do {
            try await cli.run(["tag", "999", "x"])
            Issue.record("an unknown id was accepted")
        } catch let error as NotesError {
            #expect(error.description.hasPrefix("no person with id 999"))
        }
        do {
            try await cli.run(["facts", "set", "anna", "family", "two kids"])
            Issue.record("an ambiguous name was accepted")
        } catch let error as NotesError {
            #expect(error.description.contains("\"anna\" matches 2 people; nothing was changed"))
            #expect(error.description.contains("2  Anna Weber (Globex)"))
        }
        #expect(try cli.db.currentFacts(personId: 1).isEmpty && cli.db.currentFacts(personId: 2).isEmpty)
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["tag", "1"]) }
    }

    @Test("PERSON may be a nickname of the name: liz finds Elizabeth")
    func nickname() async throws {
        let cli = try NotesCLI()
        try cli.person("Elizabeth Moreau", company: "Acme")
        #expect(try await cli.run(["notes", "add", "liz", "Runs", "marathons"]).contains("Added note #1 to Elizabeth Moreau."))
        #expect(try await cli.run(["tag", "Liz Moreau", "speaker"]) == "Elizabeth Moreau: speaker\n")
    }

    @Test("facts, tags and search through the CLI")
    func factsTagsSearch() async throws {
        let cli = try NotesCLI()
        try cli.person("Anna Schmidt", company: "Acme")
        try cli.person("Bob Stone", company: "Globex")
        try await cli.run(["facts", "set", "anna", "Ask about", "her", "robot"])
        try await cli.run(["facts", "set", "anna", "ask-about", "the marathon"])
        #expect(try await cli.run(["tag", "bob", "Swift Community", "investor"]) == "Bob Stone: investor, swift-community\n")
        #expect(try await cli.run(["untag", "bob", "investor"]) == "Bob Stone: swift-community\n")
        #expect(try await cli.run(["facts", "list", "anna", "--history"]).split(separator: "\n").count == 2)

        let json = try await cli.run(["search", "marath", "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(hits.map { $0["name"] as? String } == ["Anna Schmidt"])
        #expect(hits.first?["matched_field"] as? String == "facts")
        #expect(hits.first?["snippet"] as? String == "ask-about: the [marathon]")
        #expect(try await cli.run(["search", "swift", "--tag", "swift-community"]).contains("Bob Stone — Globex"))
        await #expect(throws: NotesError.self) { try await cli.run(["search", "\"*:-"]) }

        try await cli.run(["facts", "rm", "anna", "ask about"])
        #expect(try await cli.run(["facts", "list", "anna"]) == "No facts on Anna Schmidt yet.\n")
    }

    @Test("people show prints the profile as text and as JSON")
    func peopleShow() async throws {
        let cli = try NotesCLI()
        try cli.person("Anna Schmidt", company: "Acme")
        try await cli.run(["notes", "add", "anna", "Hiring"])
        try await cli.run(["tag", "anna", "investor"])
        let text = try await cli.run(["people", "show", "anna"])
        #expect(text.hasPrefix("Anna Schmidt — Acme  (id 1)"))
        #expect(text.contains("  tags: investor"))
        #expect(text.contains(": Hiring"))
        let json = try await cli.run(["people", "show", "1", "--json"])
        let profile = try LanyardJSON.decoder().decode(PersonProfile.self, from: Data(json.utf8))
        #expect(profile.notes.map(\.body) == ["Hiring"])
        #expect(profile.lastInTouch != nil)
    }

    @Test("notes edit: a failing editor or an empty buffer leaves the note as it was")
    func edit() async throws {
        let cli = try NotesCLI()
        try cli.person("Anna Schmidt")
        try await cli.run(["notes", "add", "1", "Likes Swift"])
        func editor(_ body: String) throws -> String {
            let path = cli.folder.appendingPathComponent("editor-\(UUID().uuidString).sh").path
            try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path)
            return path
        }
        let saved = ProcessInfo.processInfo.environment["EDITOR"]
        defer { if let saved { setenv("EDITOR", saved, 1) } else { unsetenv("EDITOR") } }

        setenv("EDITOR", try editor(#"echo gone > "$1"; exit 1"#), 1)
        await #expect(throws: NotesError.self) { try await cli.run(["notes", "edit", "1"]) }
        setenv("EDITOR", try editor(#": > "$1""#), 1)
        await #expect(throws: NotesError.emptyNote) { try await cli.run(["notes", "edit", "1"]) }
        #expect(try cli.db.note(id: 1).body == "Likes Swift")

        setenv("EDITOR", try editor(#"echo 'Likes Swift and Rust' > "$1""#), 1)
        #expect(try await cli.run(["notes", "edit", "1"]) == "Updated note #1.\n")
        #expect(try cli.db.note(id: 1).body == "Likes Swift and Rust")

        try await cli.run(["notes", "rm", "1"])
        await #expect(throws: NotesError.unknownNote(1)) { try await cli.run(["notes", "rm", "1"]) }
    }
}
