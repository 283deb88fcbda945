import ArgumentParser
import Foundation
import GRDB
import LanyardBriefing
import LanyardStore
import Testing
@testable import LanyardCLI

@Suite("lanyard brief")
struct BriefCommandTests {
    /// A database with SwiftConf last year (Ada met there) and next month, and a new series
    /// in Berlin; dates are relative to today since the command briefs as of now.
    struct Setup {
        let directory: URL
        var path: String { directory.appendingPathComponent("test.sqlite").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-brief-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let database = try AppDatabase.open(at: directory.appendingPathComponent("test.sqlite").path)
            let utc = TimeZone(identifier: "UTC")!
            let today = CalendarDay(Date(), in: utc)
            try database.writer.write { db in
                var last = Event(slug: "swiftconf-last", name: "SwiftConf Last", series: "swiftconf",
                                 startDate: today.adding(days: -300), endDate: today.adding(days: -299), city: "Berlin")
                var next = Event(slug: "swiftconf-next", name: "SwiftConf Next", series: "swiftconf",
                                 startDate: today.adding(days: 30), endDate: today.adding(days: 31), city: "Berlin")
                var summit = Event(slug: "summit-next", name: "Summit Next", series: "summit",
                                   startDate: today.adding(days: 60), endDate: today.adding(days: 60), city: "Berlin")
                try last.insert(db)
                try next.insert(db)
                try summit.insert(db)
                var ada = Person(name: "Ada Lovelace", sortName: "lovelace ada", normalizedName: "ada lovelace", company: "Analytical Engines")
                try ada.insert(db)
                var meeting = Meeting(personId: ada.id!, eventId: last.id!, at: today.adding(days: -300).start(in: utc).addingTimeInterval(36_000), booth: "A12")
                try meeting.insert(db)
            }
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    /// What a command printed.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var out = ""
        private var err = ""
        var stdout: String { lock.withLock { out } }
        var stderr: String { lock.withLock { err } }
        var console: Console {
            Console(writeOut: { text in self.lock.withLock { self.out += text } },
                    writeErr: { text in self.lock.withLock { self.err += text } },
                    isInteractive: false, readLine: { nil })
        }
    }

    func run(_ arguments: [String]) async throws -> Output {
        let output = Output()
        var command = try #require(try Lanyard.parseAsRoot(arguments) as? any AsyncParsableCommand)
        try await Console.$current.withValue(output.console) { try await command.run() }
        return output
    }

    @Test("Parses every option")
    func parsing() throws {
        let command = try #require(try Lanyard.parseAsRoot([
            "brief", "swiftconf-2026", "--since", "2025-01-01", "--format", "markdown", "--output", "b.md", "--stale-after", "200", "--db", "x.sqlite",
        ]) as? BriefCommand)
        #expect(command.event == "swiftconf-2026")
        #expect(command.since == "2025-01-01")
        #expect(command.chosenFormat == .markdown)
        #expect(command.outputFile == "b.md")
        #expect(command.staleAfterDays == 200)
        let json = try #require(try Lanyard.parseAsRoot(["brief", "x", "--json"]) as? BriefCommand)
        #expect(json.chosenFormat == .json)
        let plain = try #require(try Lanyard.parseAsRoot(["brief", "x"]) as? BriefCommand)
        #expect(plain.chosenFormat == .text)
        #expect(plain.staleAfterDays == 365)
    }

    @Test("Refuses a bad date, a bad format, a bad stale period and clashing format flags")
    func badOptions() {
        func message(_ arguments: [String]) -> String {
            do {
                _ = try Lanyard.parseAsRoot(arguments)
                return "parsed"
            } catch {
                return Lanyard.message(for: error)
            }
        }
        #expect(message(["brief", "x", "--since", "2025-13-01"]).contains("--since: \"2025-13-01\" is not a date (YYYY-MM-DD"))
        #expect(message(["brief", "x", "--since", "last year"]).contains("is not a date"))
        #expect(message(["brief", "x", "--format", "pdf"]).contains("pdf"))
        #expect(message(["brief", "x", "--stale-after", "0"]).contains("--stale-after: 0 must be a positive number of days"))
        #expect(message(["brief", "x", "--json", "--format", "html"]).contains("disagree"))
    }

    @Test("Prints the text briefing; --json prints one JSON document")
    func printing() async throws {
        let setup = try Setup()
        defer { setup.remove() }

        let text = try await run(["brief", "swiftconf-next", "--db", setup.path])
        #expect(text.stdout.hasPrefix("Briefing for SwiftConf Next"))
        #expect(text.stdout.contains("1. Ada Lovelace — Analytical Engines  [never followed up] [new]"))
        #expect(text.stderr.isEmpty)

        let json = try await run(["brief", "swiftconf-next", "--db", setup.path, "--json"])
        let briefing = try LanyardJSON.decoder().decode(Briefing.self, from: Data(json.stdout.utf8))
        #expect(briefing.seriesPeople.map(\.name) == ["Ada Lovelace"])
    }

    @Test("--output writes the page to a file and says so on stderr")
    func outputFile() async throws {
        let setup = try Setup()
        defer { setup.remove() }
        let file = setup.directory.appendingPathComponent("brief.html")

        let result = try await run(["brief", "swiftconf-next", "--db", setup.path, "--format", "html", "--output", file.path])

        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Wrote the html briefing for SwiftConf Next to \(file.path) (1 person)."))
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("Ada Lovelace"))
    }

    @Test("An event without history still briefs, with the notice; an unknown event fails")
    func noHistoryAndUnknown() async throws {
        let setup = try Setup()
        defer { setup.remove() }

        let result = try await run(["brief", "summit-next", "--db", setup.path])
        #expect(result.stdout.contains("Note: no earlier editions of summit — here is who you met in Berlin instead"))
        #expect(result.stdout.contains("1. Ada Lovelace"))

        await #expect(throws: (any Error).self) { _ = try await run(["brief", "nope", "--db", setup.path]) }
        do {
            _ = try await run(["brief", "nope", "--db", setup.path])
        } catch {
            #expect(Lanyard.message(for: error) == "no event \"nope\" (see `lanyard events list`)")
            #expect(Lanyard.exitCode(for: error) != .success)
        }
    }
}
