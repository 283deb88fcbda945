import Foundation
import ArgumentParser
import GRDB
import LanyardFollowUp
import LanyardStore
import Testing
import LanyardTestSupport
@testable import LanyardCLI

@Suite("lanyard config / followup: parsing")
struct FollowupCommandParsingTests {
    @Test("Subcommands parse with their options")
    func parses() throws {
        let send = try #require(try Lanyard.parseAsRoot(["followup", "send", "--due", "--dry-run", "--out", "/tmp/x"]) as? FollowupCommand.Send)
        #expect(send.due && send.dryRun && send.out == "/tmp/x")
        let ids = try #require(try Lanyard.parseAsRoot(["followup", "send", "3", "4"]) as? FollowupCommand.Send)
        #expect(ids.ids == [3, 4])
        let list = try #require(try Lanyard.parseAsRoot(["followup", "list", "--state", "retry", "--json"]) as? FollowupCommand.List)
        #expect(list.state == .retry && list.output.json)
        let resolve = try #require(try Lanyard.parseAsRoot(["followup", "resolve", "7", "sent"]) as? FollowupCommand.Resolve)
        #expect(resolve.id == 7 && resolve.resolution == .sent)
        let smtp = try #require(try Lanyard.parseAsRoot(["config", "smtp", "--url", "smtps://mail.example.com", "--username", "ada"]) as? ConfigCommand.SMTP)
        #expect(smtp.url == "smtps://mail.example.com" && !smtp.insecure)
    }

    @Test("Bad combinations are refused with a message", arguments: [
        ["followup", "send"], ["followup", "send", "1", "--due"], ["followup", "send", "1", "--out", "x"],
        ["followup", "approve"], ["followup", "approve", "1", "--all"], ["followup", "list", "--state", "bogus"],
        ["followup", "resolve", "1", "maybe"], ["followup", "draft", "--date", "2026-02-30"],
        ["config", "smtp", "--url", "smtp://mail.example.com", "--username", "u", "--insecure"],
        ["config", "smtp", "--url", "ftp://mail.example.com", "--username", "u"],
        ["config", "sender", "--name", "Ada", "--email", "ada@example.org\r\nBcc: x@example.com"],
        ["config", "followup", "--due-time", "9am"],
    ])
    func refuses(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(arguments) }
    }
}

/// The whole story through the built binary: configure, meet someone, draft, approve, send.
@Suite("lanyard followup end to end", .enabled(
    if: ProcessInfo.processInfo.environment["LANYARD_BIN"] != nil && ProcessInfo.processInfo.environment["LANYARD_SMTP_TEST_PORT"] != nil,
    "LANYARD_BIN and LANYARD_SMTP_TEST_* are not set: run Scripts/test"))
struct FollowupEndToEndTests {
    let env = ProcessInfo.processInfo.environment

    func run(_ arguments: [String], in root: URL, editor: String? = nil, extra: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: env["LANYARD_BIN"]!)
        process.arguments = arguments
        var environment = env.merging(extra) { $1 }
        environment["LANYARD_DB"] = root.appendingPathComponent("e2e.sqlite").path
        environment["LANYARD_CONFIG_DIR"] = root.appendingPathComponent("config").path
        environment["LANYARD_SMTP_PASSWORD"] = env["LANYARD_SMTP_TEST_PASSWORD"]
        environment["VISUAL"] = nil
        if let editor { environment["EDITOR"] = editor }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    #if os(Linux)
    @Test("a command that sends no mail does not load libcurl (the story below sends with it)")
    func libcurlOnlyWhenSending() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // glibc's loader lists every library it looks for and loads
        for arguments in [["--version"], ["events", "list"], ["followup", "list"]] {
            let result = try run(arguments, in: root, extra: ["LD_DEBUG": "libs"])
            #expect(result.status == 0, "\(arguments): \(result.err.suffix(300))")
            #expect(result.err.contains("libsqlite3"), "the loader's list is there")
            #expect(!result.err.contains("libcurl"), "\(arguments) loaded libcurl")
        }
    }
    #endif

    @Test("configure, draft, edit, approve, send: the server captures exactly one message")
    func story() throws {
        let root = try TemporaryFolder.make("lanyard-e2e")
        let address = "e2e-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        let port = env["LANYARD_SMTP_TEST_PORT"]!
        // Given SMTP and a sender configured, and an event
        #expect(try run(["config", "smtp", "--url", "smtp://127.0.0.1:\(port)", "--username", env["LANYARD_SMTP_TEST_USER"]!,
                         "--ca-file", env["LANYARD_SMTP_TEST_CA"]!], in: root).status == 0)
        #expect(try run(["config", "sender", "--name", "Ada Lovelace", "--email", "ada@example.org"], in: root).status == 0)
        #expect(try run(["events", "add", "e2e-2026", "--name", "E2E Conf", "--series", "e2e", "--start", "2026-03-02", "--timezone", "UTC"], in: root).status == 0)
        // And someone met there (inserted as the events module will)
        let database = try AppDatabase.open(at: root.appendingPathComponent("e2e.sqlite").path)
        try database.writer.write { db in
            var person = Person(name: "Grace Hopper", sortName: "Hopper, Grace", normalizedName: "grace hopper")
            try person.insert(db)
            var email = PersonEmail(personId: person.id!, email: address, normalized: address)
            try email.insert(db)
            let eventId = try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE slug = 'e2e-2026'")!
            var meeting = Meeting(personId: person.id!, eventId: eventId, at: LanyardJSON.parseTimestamp("2026-03-02T11:00:00Z")!)
            try meeting.insert(db)
        }

        // When drafting, editing with a scripted editor, approving and sending
        let drafted = try run(["followup", "draft", "--json"], in: root)
        #expect(drafted.status == 0, "\(drafted.err)")
        let id = try #require(((try JSONSerialization.jsonObject(with: Data(drafted.out.utf8)) as? [String: Any])?["created"] as? [[String: Any]])?.first?["id"] as? Int)
        let edited = try run(["followup", "edit", "\(id)"], in: root, editor: "sed -i 's/^Hi Grace,/Dear Grace,/'")
        #expect(edited.status == 0, "\(edited.err)")
        #expect(try run(["followup", "approve", "\(id)"], in: root).status == 0)
        let dry = try run(["followup", "send", "\(id)", "--dry-run", "--out", root.path], in: root)
        #expect(dry.status == 0)
        let sent = try run(["followup", "send", "--due", "--json"], in: root)
        #expect(sent.status == 0, "\(sent.err)")
        let again = try run(["followup", "send", "--due", "--json"], in: root)

        // Then one message was captured, identical to the dry run, and the follow-up is sent
        let capture = URL(fileURLWithPath: env["LANYARD_SMTP_TEST_CAPTURE"]!)
        var matches: [Data] = []
        for file in try FileManager.default.contentsOfDirectory(at: capture, includingPropertiesForKeys: nil) where file.pathExtension == "json" {
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            if (meta["rcpt_tos"] as! [String]).contains(address) {
                matches.append(try Data(contentsOf: file.deletingPathExtension().appendingPathExtension("eml")))
            }
        }
        #expect(matches.count == 1)
        #expect(matches.first == (try? Data(contentsOf: root.appendingPathComponent("followup-\(id).eml"))))
        #expect(String(decoding: matches.first ?? Data(), as: UTF8.self).contains("Dear Grace,"))
        #expect(again.out.contains("\"sent\" : [\n\n  ]") || again.out.contains("\"sent\" : []"))
        let listed = try run(["followup", "list", "--state", "sent"], in: root)
        #expect(listed.out.contains("Grace Hopper"))
    }
}
