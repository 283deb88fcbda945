import ArgumentParser
import Foundation
import Testing
@testable import LanyardCLI

@Suite("lanyard events")
struct EventsCommandTests {
    @Test("events add then events list --json round-trips")
    func addAndList() async throws {
        let cli = CLIHarness()
        try await cli.run(["events", "add", "swiftconf-2025", "--name", "SwiftConf 2025", "--series", "swiftconf",
                           "--start", "2025-09-14", "--end", "2025-09-15", "--city", "Berlin", "--timezone", "Europe/Berlin"])
        try await cli.run(["events", "list", "--json"])
        let list = try #require(try cli.json() as? [[String: Any]])
        #expect(list.count == 1)
        #expect(list.first?["slug"] as? String == "swiftconf-2025")
        #expect(list.first?["name"] as? String == "SwiftConf 2025")
        #expect(list.first?["series"] as? String == "swiftconf")
        #expect(list.first?["start_date"] as? String == "2025-09-14")
        #expect(list.first?["end_date"] as? String == "2025-09-15")
        #expect(list.first?["city"] as? String == "Berlin")
        #expect(list.first?["time_zone"] as? String == "Europe/Berlin")
    }

    @Test("a malformed date is refused before anything is written, naming the field", arguments: [
        (["--start", "2025-02-30"], "--start"), (["--start", "14.09.2025"], "--start"),
        (["--start", "2025-09-14", "--end", "2025-09-13"], "--end"), (["--start", "2025-09-14", "--timezone", "Mars/Olympus"], "--timezone"),
    ])
    func malformedDate(extra: [String], field: String) async throws {
        let cli = CLIHarness()
        do {
            try await cli.run(["events", "add", "swiftconf-2025", "--name", "SwiftConf 2025", "--series", "swiftconf"] + extra)
            Issue.record("expected a validation error")
        } catch {
            let message = Lanyard.message(for: error)
            #expect(message.contains(field), "message was: \(message)")
            #expect(Lanyard.exitCode(for: error) != .success)
        }
        try await cli.run(["events", "list", "--json"])
        #expect((try cli.json() as? [Any])?.isEmpty == true)
    }

    @Test("a duplicate slug is refused with a clear message")
    func duplicateSlug() async throws {
        let cli = CLIHarness()
        let add = ["events", "add", "swiftconf-2025", "--name", "SwiftConf 2025", "--series", "swiftconf", "--start", "2025-09-14"]
        try await cli.run(add)
        await #expect(throws: (any Error).self) { try await cli.run(add) }
        do { try await cli.run(add) } catch {
            #expect(Lanyard.message(for: error).contains("already exists"))
        }
    }

    @Test("the shipped editions import, and importing again changes nothing")
    func importShipped() async throws {
        let cli = CLIHarness()
        let files = try shippedCalendars()
        try await cli.run(["events", "import", "--json"] + files)
        let first = try #require(try cli.json() as? [String: Any])
        let added = try #require(first["added"] as? [String])
        #expect(added.count >= 8)
        #expect(added.contains("swiftleeds-2024"))
        try await cli.run(["events", "import", "--json"] + files)
        let second = try #require(try cli.json() as? [String: Any])
        #expect((second["added"] as? [String])?.isEmpty == true)
        #expect((second["unchanged"] as? [String])?.count == added.count)

        try await cli.run(["events", "list", "--json"])
        let list = try #require(try cli.json() as? [[String: Any]])
        let leeds = try #require(list.first { $0["slug"] as? String == "swiftleeds-2023" })
        #expect(leeds["start_date"] as? String == "2023-10-09")
        #expect(leeds["end_date"] as? String == "2023-10-10")
        #expect(leeds["series"] as? String == "swiftleeds")
        #expect(leeds["time_zone"] as? String == "Europe/London")
    }

    @Test("a broken calendar names file and line, and stores nothing")
    func brokenCalendar() async throws {
        let cli = CLIHarness()
        try FileManager.default.createDirectory(at: cli.folder, withIntermediateDirectories: true)
        let file = cli.folder.appendingPathComponent("broken.ics")
        try "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Good 2025\r\nDTSTART;VALUE=DATE:20250101\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Bad 2025\r\nDTSTART:2025-01-01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            .write(to: file, atomically: true, encoding: .utf8)
        do {
            try await cli.run(["events", "import", file.path])
            Issue.record("expected an error")
        } catch {
            let message = Lanyard.message(for: error)
            #expect(message.contains("broken.ics:8"), "message was: \(message)")
            #expect(message.contains("DTSTART"))
        }
        try await cli.run(["events", "list", "--json"])
        #expect((try cli.json() as? [Any])?.isEmpty == true)
    }

    @Test("parsing: subcommands, help and version")
    func parsing() throws {
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["events", "add"]) }
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["nonsense"]) }
        let command = try Lanyard.parseAsRoot(["events", "list", "--json", "--db", "/tmp/x.sqlite"])
        let list = try #require(command as? EventsCommand.List)
        #expect(list.output.json)
        #expect(list.store.databasePath == "/tmp/x.sqlite")
        #expect(Lanyard.configuration.version == LanyardVersion.current)
    }

    private func shippedCalendars() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Events")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".ics") }.sorted().map { folder.appendingPathComponent($0).path }
    }
}
