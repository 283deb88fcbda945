import ArgumentParser
import Foundation
@testable import LanyardCLI
import Testing
import LanyardTestSupport

@Suite("lanyard checkin and lanyard people")
final class CheckinCommandTests: Sendable {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-cli-\(UUID().uuidString)")
    var dbPath: String { folder.appendingPathComponent("test.sqlite").path }

    /// Each test's database goes with it.
    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func run(_ arguments: [String], interactive: Bool = false, answers: [String] = []) async throws -> CapturedOutput {
        let output = CapturedOutput()
        var command = try #require(try Lanyard.parseAsRoot(arguments + ["--db", dbPath]) as? any AsyncParsableCommand)
        try await Console.$current.withValue(output.console(interactive: interactive, answers: answers)) {
            try await command.run()
        }
        return output
    }

    func json(_ output: CapturedOutput) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    func addEvents() async throws {
        try await run(["events", "add", "swiftconf-2025", "--name", "SwiftConf 2025", "--series", "swiftconf", "--start", "2025-09-14"])
        try await run(["events", "add", "swiftconf-2026", "--name", "SwiftConf 2026", "--series", "swiftconf", "--start", "2026-09-13"])
    }

    @Test("Parsing: every flag of the issue, and the refusals")
    func parsing() throws {
        let command = try Lanyard.parseAsRoot([
            "checkin", "--event", "swiftconf-2026", "--name", "Liz Moreau", "--company", "Acme", "--title", "CTO",
            "--email", "liz@acme.com", "--phone", "+1 415 555 0134", "--linkedin", "linkedin.com/in/liz", "--booth", "12",
            "--note", "pricing", "--at", "2026-09-13T10:00:00Z", "--json", "--new",
        ])
        #expect(command is CheckinCommand)
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["checkin", "--event", "x"]) }
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["checkin", "--event", "x", "--name", "A", "--new", "--same-as", "3"]) }
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["checkin", "--event", "x", "--card", "a", "--card-file", "b"]) }
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["checkin", "--event", "x", "--name", "A", "--at", "yesterday"]) }
    }

    @Test("JSON answer keeps the issue's names; the human answer leads with the recognition")
    func repeatMeeting() async throws {
        try await addEvents()
        try await run(["checkin", "--event", "swiftconf-2025", "--name", "Elizabeth Moreau", "--company", "Acme", "--email", "liz@acme.com",
                       "--booth", "12", "--note", "asked about pricing", "--at", "2025-09-14T10:00:00Z"])
        let again = try await run(["checkin", "--event", "swiftconf-2026", "--name", "Liz Moreau", "--email", "liz+conf@acme.com", "--json"])
        let answer = try json(again)
        #expect(Set(answer.keys) == ["person", "meeting", "recognized", "matched_by", "previous_meetings", "notes", "candidates"])
        #expect(answer["recognized"] as? Bool == true)
        #expect((answer["matched_by"] as? [String])?.contains("email") == true)
        let person = try #require(answer["person"] as? [String: Any])
        #expect(person["name"] as? String == "Elizabeth Moreau")
        let meeting = try #require(answer["meeting"] as? [String: Any])
        #expect(meeting["event"] as? String == "SwiftConf 2026")
        #expect(meeting["id"] != nil && meeting["at"] != nil)
        let previous = try #require(answer["previous_meetings"] as? [[String: Any]])
        #expect(previous.first?["event"] as? String == "SwiftConf 2025")
        #expect(previous.first?["date"] as? String == "2025-09-14")
        #expect(previous.first?["booth"] as? String == "12")

        let human = try await run(["checkin", "--event", "swiftconf-2026", "--email", "LIZ@acme.com"])
        #expect(human.stdout.hasPrefix("You have met Elizabeth Moreau before: SwiftConf 2026, SwiftConf 2025 (booth 12), notes: asked about pricing."))
    }

    @Test("Interactive: the best candidate is offered and 'y' attaches")
    func interactive() async throws {
        try await addEvents()
        try await run(["checkin", "--event", "swiftconf-2025", "--name", "John Smith", "--company", "Acme", "--email", "john@acme.com"])
        let answered = try await run(["checkin", "--event", "swiftconf-2026", "--name", "John Smith", "--company", "Globex"], interactive: true, answers: ["y"])
        #expect(answered.stderr.contains("Same person? [y/N]"))
        #expect(answered.stdout.hasPrefix("You have met John Smith before: SwiftConf 2025"))
        let list = try await run(["people", "list", "--json"])
        let people = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(people.count == 1)
    }

    @Test("Bad input exits with a message and writes nothing")
    func badInput() async throws {
        try await addEvents()
        await #expect(throws: (any Error).self) { try await run(["checkin", "--event", "nope", "--name", "Liz"]) }
        await #expect(throws: (any Error).self) { try await run(["checkin", "--event", "swiftconf-2026", "--card", "garbage"]) }
        await #expect(throws: (any Error).self) { try await run(["checkin", "--event", "swiftconf-2026", "--email", "nope"]) }
        let list = try await run(["people", "list"])
        #expect(list.stdout.hasPrefix("No people yet."))
    }

    @Test("people merge, unmerge and forget")
    func people() async throws {
        try await addEvents()
        try await run(["checkin", "--event", "swiftconf-2025", "--name", "Liz Moreau", "--email", "liz@acme.com"])
        try await run(["checkin", "--event", "swiftconf-2026", "--name", "Liz Moreau", "--email", "liz@acme.com", "--new"])
        let merged = try await run(["people", "merge", "1", "2"])
        #expect(merged.stdout.contains("Merged #2 into #1"))
        let restored = try await run(["people", "unmerge", "2", "--json"])
        #expect(try json(restored)["id"] as? Int == 2)
        let forgot = try await run(["people", "forget", "2"])
        #expect(forgot.stdout.hasPrefix("Forgot #2 Liz Moreau"))
        let list = try await run(["people", "list", "--json"])
        #expect(list.stdout.contains("\"id\" : 1"))
        #expect(!list.stdout.contains("\"id\" : 2"))
    }

    @Test("--card-file reads a vCard export; its fields fill what the flags did not give")
    func cardFile() async throws {
        try await addEvents()
        let file = try TemporaryFolder.file("lanyard-card", named: "card.vcf")
        try Data("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Moreau;Elizabeth;;;\r\nFN:Elizabeth Moreau\r\nORG:Acme\r\nEMAIL:liz@acme.com\r\nEND:VCARD\r\n".utf8).write(to: file)
        let first = try await run(["checkin", "--event", "swiftconf-2025", "--card-file", file.path, "--title", "CTO", "--json"])
        let person = try #require(try json(first)["person"] as? [String: Any])
        #expect(person["name"] as? String == "Elizabeth Moreau")
        #expect(person["company"] as? String == "Acme")
        #expect(person["title"] as? String == "CTO")
        let again = try await run(["checkin", "--event", "swiftconf-2026", "--card", "MECARD:N:Moreau,Liz;EMAIL:LIZ@acme.com;;"])
        #expect(again.stdout.hasPrefix("You have met Elizabeth Moreau before: SwiftConf 2025."))
    }
}

