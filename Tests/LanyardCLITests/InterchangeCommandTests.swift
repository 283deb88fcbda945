import ArgumentParser
import Foundation
import LanyardCLI
import LanyardStore
import Testing

@Suite("import, export, backup commands")
final class InterchangeCommandTests: Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-cli-interchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Each test's files go with it.
    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Parses `arguments` as the `lanyard` command line and runs the command in-process.
    @discardableResult
    func lanyard(_ arguments: [String]) async throws -> CapturedOutput {
        try await CapturedOutput.run(arguments)
    }

    @Test("events export writes an .ics that events import reads back")
    func eventsExport() async throws {
        // Given two editions
        try await lanyard(["events", "add", "swiftconf-2025", "--name", "SwiftConf 2025", "--series", "swiftconf", "--start", "2025-09-14", "--end", "2025-09-15", "--city", "Berlin", "--timezone", "Europe/Berlin", "--db", path("a.sqlite")])
        try await lanyard(["events", "add", "meetup-2026", "--name", "Meetup", "--series", "meetup", "--start", "2026-01-20", "--db", path("a.sqlite")])
        // When exported to a file and imported into another database
        let exported = try await lanyard(["events", "export", "--output", path("events.ics"), "--db", path("a.sqlite")])
        #expect(exported.stdout.contains("Exported 2 editions"))
        let imported = try await lanyard(["events", "import", path("events.ics"), "--db", path("b.sqlite"), "--json"])
        // Then both come back
        let summary = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect((summary?["added"] as? [String])?.sorted() == ["meetup-2026", "swiftconf-2025"])
        // And without --output the calendar goes to stdout
        let stdout = try await lanyard(["events", "export", "--db", path("a.sqlite")])
        #expect(stdout.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
    }

    @Test("events import prints the calendar's time-zone warnings on stderr, and in --json")
    func eventsImportWarnings() async throws {
        // Given a calendar whose DTSTART names a zone nobody defines
        try """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:mars-2026@example.org\r
            SUMMARY:Mars Summit 2026\r
            DTSTART;TZID=Mars/Olympus:20260301T090000\r
            DTEND;TZID=Mars/Olympus:20260302T170000\r
            END:VEVENT\r
            END:VCALENDAR\r

            """.write(toFile: path("mars.ics"), atomically: true, encoding: .utf8)
        // When imported
        let text = try await lanyard(["events", "import", path("mars.ics"), "--db", path("a.sqlite")])
        // Then the warning names the file, line and property, and the event is still imported
        #expect(text.stderr.contains("warning: \(path("mars.ics")):7 (DTSTART): unknown time zone \"Mars/Olympus\""))
        #expect(text.stdout.contains("Imported 1 new"))
        // And --json carries the warnings in its one document, with nothing on stderr
        let json = try await lanyard(["events", "import", path("mars.ics"), "--json", "--db", path("b.sqlite")])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((summary["warnings"] as? [String])?.count == 2)
        #expect(json.stderr.isEmpty)
    }

    @Test("export json then import json restores into an empty database, and refuses a non-empty one")
    func jsonBackup() async throws {
        try await lanyard(["events", "add", "swiftconf-2025", "--name", "SwiftConf 2025", "--series", "swiftconf", "--start", "2025-09-14", "--db", path("a.sqlite")])
        // When exported with --json and --output
        let export = try await lanyard(["export", "json", "--output", path("backup.json"), "--json", "--db", path("a.sqlite")])
        // Then stdout holds exactly one JSON document, the summary
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        #expect((summary["rows"] as? [String: Int])?["event"] == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: path("backup.json"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // When restored into a new database
        let restore = try await lanyard(["import", "json", path("backup.json"), "--db", path("b.sqlite")])
        #expect(restore.stdout.contains("Restored 1 records"))
        #expect(restore.stderr.isEmpty) // no progress bar when stderr is not a terminal
        let listed = try await lanyard(["events", "list", "--json", "--db", path("b.sqlite")])
        #expect(listed.stdout.contains("swiftconf-2025"))
        // And restoring again into the same database is refused
        await #expect(throws: (any Error).self) { try await lanyard(["import", "json", path("backup.json"), "--db", path("b.sqlite")]) }
        // And without --output the backup itself is the JSON document on stdout
        let stdout = try await lanyard(["export", "json", "--db", path("a.sqlite")])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(stdout.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "lanyard-backup")
    }

    @Test("backup copies the database file and will not overwrite one without --force")
    func onlineBackup() async throws {
        try await lanyard(["events", "add", "swiftconf-2025", "--name", "SwiftConf 2025", "--series", "swiftconf", "--start", "2025-09-14", "--db", path("a.sqlite")])
        let done = try await lanyard(["backup", path("copy.sqlite"), "--db", path("a.sqlite")])
        #expect(done.stdout.contains("Backed up"))
        let listed = try await lanyard(["events", "list", "--db", path("copy.sqlite")])
        #expect(listed.stdout.contains("swiftconf-2025"))
        await #expect(throws: (any Error).self) { try await lanyard(["backup", path("copy.sqlite"), "--db", path("a.sqlite")]) }
        try await lanyard(["backup", path("copy.sqlite"), "--force", "--db", path("a.sqlite")])
    }

    @Test("export vcard and events export refuse --json without --output")
    func jsonNeedsOutput() {
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["export", "vcard", "--json"]) }
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["events", "export", "--json"]) }
    }
}
