import Foundation
import GRDB
import LanyardFollowUp
import LanyardStore
import LanyardTestSupport
import Testing

@Suite("Sending follow-ups through the local SMTP server", .enabled(if: SMTPTestServer.current != nil, SMTPTestServer.skipReason))
struct SendingTests {
    let server = SMTPTestServer.current!
    let met = Fixture.date("2026-05-14T15:30:00Z")
    let morning = Fixture.date("2026-05-15T06:00:00Z")
    let due = Fixture.date("2026-05-15T07:00:00Z")

    /// A fixture configured for the test server, with one approved follow-up per address.
    func approved(_ addresses: [String]) throws -> (Fixture, [Int64]) {
        let fx = try Fixture()
        try fx.configure(smtpURL: server.startTLSURL, username: server.username, caFile: server.caFile)
        let event = try fx.event()
        for (i, address) in addresses.enumerated() {
            try fx.personMet("Person \(i) Ünïcode", email: address, at: met.addingTimeInterval(Double(i)), event: event)
        }
        let drafts = try fx.service().draftDue(now: morning).created
        #expect(drafts.count == addresses.count)
        let ids = try addresses.map { address in try #require(drafts.first { $0.to == address }).id }
        for id in ids { _ = try fx.service().approve(id: id, now: morning) }
        return (fx, ids)
    }

    static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())@example.com" }

    @Test("Due follow-ups go out once, byte for byte, and count as last in touch")
    func sendsOnce() async throws {
        // Given two approved follow-ups
        let a = Self.unique("grace"), b = Self.unique("alan")
        let (fx, ids) = try approved([a, b])

        // When sending before they are due, then when due, then again
        let early = try await fx.service(password: server.password).sendDue(now: morning)
        let report = try await fx.service(password: server.password).sendDue(now: due)
        let again = try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(3600))

        // Then each was captured exactly once, as frozen at approval
        #expect(early.sent.isEmpty)
        #expect(report.sent == ids)
        #expect(again.sent.isEmpty)
        for (address, id) in zip([a, b], ids) {
            let record = try fx.database.followUp(id: id)
            #expect(record.state == .sent && record.sentAt == due && record.attempts == 1)
            let captures = try server.captures(for: address)
            try #require(captures.count == 1)
            #expect(captures[0].raw == record.message)
            #expect(captures[0].mailFrom == "ada@example.org")
            let parsed = try ParsedMessage(captures[0].raw)
            #expect(parsed.headers["message-id"] == record.messageId)
            #expect(try parsed.decoded("to")?.hasPrefix("Person") == true)
            #expect(parsed.body.contains("Thank you for taking the time to talk with me at SwiftConf 2026"))
            #expect(try fx.database.lastInTouch(personId: record.personId) == due)
        }
    }

    @Test("451 puts it in retry with backoff; it is not resent before then, and goes out after")
    func tempfailRetries() async throws {
        let (fx, ids) = try approved([Self.unique("tempfail")])
        let report = try await fx.service(password: server.password).sendDue(now: due)
        #expect(report.retry == ids)
        var record = try fx.database.followUp(id: ids[0])
        #expect(record.state == .retry && record.lastReply == 451 && record.attempts == 1)
        #expect(record.nextAttemptAt == due.addingTimeInterval(300))
        #expect(record.lastError?.contains("Try again later") == true)
        #expect(try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(60)).retry.isEmpty)
        let later = try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(301))
        #expect(later.retry == ids)
        record = try fx.database.followUp(id: ids[0])
        #expect(record.attempts == 2 && record.nextAttemptAt == due.addingTimeInterval(301 + 600))
    }

    @Test("550 fails it for good with the server's reply kept; the rest of the batch still goes")
    func rejectFails() async throws {
        let bad = Self.unique("reject"), good = Self.unique("fine")
        let (fx, ids) = try approved([bad, good])
        let report = try await fx.service(password: server.password).sendDue(now: due)
        #expect(report.failed == [ids[0]] && report.sent == [ids[1]])
        let record = try fx.database.followUp(id: ids[0])
        #expect(record.state == .failed && record.lastReply == 550)
        #expect(record.lastError?.contains("550 5.1.1 No such user") == true)
        #expect(try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(86400)).failed.isEmpty)
    }

    @Test("Login denied stops the batch, says to fix the configuration, and leaves every follow-up approved")
    func loginDeniedStops() async throws {
        let a = Self.unique("denied-a"), b = Self.unique("denied-b")
        let (fx, ids) = try approved([a, b])
        let report = try await fx.service(password: "wrong-password").sendDue(now: due)
        let stopped = try #require(report.stopped)
        #expect(stopped.contains("login was denied") && stopped.contains("lanyard config smtp"))
        #expect(!stopped.contains("wrong-password"))
        for id in ids {
            let record = try fx.database.followUp(id: id)
            #expect(record.state == .approved && record.attempts == 0)
        }
        #expect(try server.captures(for: a).isEmpty && server.captures(for: b).isEmpty)
        // A missing password is a configuration message too, before any connection
        #expect(throws: FollowUpError.self) { try fx.service(password: nil).send(ids: nil, now: due) }
    }

    @Test("A timeout after the body makes it unknown: never resent automatically; resolve settles it")
    func timeoutAfterDataUnknown() async throws {
        let (fx, ids) = try approved([Self.unique("stall")])
        let report = try await fx.service(password: server.password, responseTimeout: 2).sendDue(now: due)
        #expect(report.unknown == ids)
        #expect(try fx.database.followUp(id: ids[0]).state == .unknown)
        let later = try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(86400))
        #expect(later.sent.isEmpty && later.unknown.isEmpty)
        #expect(throws: FollowUpError.self) { try fx.service(password: server.password).send(ids: ids, now: due) }
        #expect(try fx.database.resolveFollowUp(id: ids[0], as: .sent, now: due).state == .sent)
    }

    @Test("A crash while sending leaves `sending`; once the lease runs out it becomes unknown, not resent")
    func crashWhileSending() async throws {
        let (fx, ids) = try approved([Self.unique("crash")])
        try await fx.database.writer.write { db in
            try db.execute(sql: "UPDATE followUp SET state = 'sending', attempts = 1, leaseUntil = ? WHERE id = ?",
                           arguments: [due.addingTimeInterval(900), ids[0]])
        }
        #expect(try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(60)).unknown.isEmpty)
        let report = try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(901))
        #expect(report.unknown == ids && report.sent.isEmpty)
        #expect(try fx.database.followUp(id: ids[0]).state == .unknown)
        _ = try fx.database.resolveFollowUp(id: ids[0], as: .retry, now: due.addingTimeInterval(902))
        let resent = try await fx.service(password: server.password).sendDue(now: due.addingTimeInterval(903))
        #expect(resent.sent == ids)
    }

    @Test("--dry-run writes the exact message and changes nothing")
    func dryRun() throws {
        let address = Self.unique("dry")
        let (fx, ids) = try approved([address])
        let folder = fx.root.appendingPathComponent("out")
        let report = try fx.service(password: server.password).send(ids: ids, now: due, dryRunDirectory: folder)
        #expect(report.dryRunFiles == [folder.appendingPathComponent("followup-\(ids[0]).eml").path])
        let record = try fx.database.followUp(id: ids[0])
        #expect(try Data(contentsOf: URL(fileURLWithPath: report.dryRunFiles[0])) == record.message)
        #expect(record.state == .approved && record.attempts == 0)
        #expect(try server.captures(for: address).isEmpty)
    }

    @Test("Two senders at once (CLI and server) never send one follow-up twice")
    func concurrentSenders() async throws {
        let addresses = (0..<20).map { _ in Self.unique("race") }
        let (fx, ids) = try approved(addresses)
        async let one = fx.service(password: server.password).sendDue(now: due)
        async let two = fx.service(password: server.password).sendDue(now: due)
        let (r1, r2) = try await (one, two)
        #expect(Set(r1.sent).isDisjoint(with: r2.sent))
        #expect(Set(r1.sent + r2.sent) == Set(ids))
        for address in addresses { #expect(try server.captures(for: address).count == 1) }
    }

    @Test("After the last allowed attempt a deferred follow-up is failed, not retried forever")
    func attemptsRunOut() async throws {
        let (fx, ids) = try approved([Self.unique("tempfail-out")])
        var service = fx.service(password: server.password)
        service.maxAttempts = 2
        #expect(try await service.sendDue(now: due).retry == ids)
        let last = try await service.sendDue(now: due.addingTimeInterval(3600))
        #expect(last.failed == ids)
        let record = try fx.database.followUp(id: ids[0])
        #expect(record.state == .failed && record.attempts == 2 && record.lastError?.hasPrefix("gave up after 2 attempts") == true)
        #expect(FollowUpService.backoff(afterAttempts: 1) == 300 && FollowUpService.backoff(afterAttempts: 3) == 1200)
        #expect(FollowUpService.backoff(afterAttempts: 30) == 6 * 3600)
    }

    @Test("The password can come from password_command instead of the environment")
    func passwordCommand() async throws {
        let address = Self.unique("pwcmd")
        let (fx, ids) = try approved([address])
        // A failing command stops before anything is claimed
        try fx.configure(smtpURL: server.startTLSURL, username: server.username, caFile: server.caFile, passwordCommand: "exit 3")
        let error = try #require(throws: FollowUpError.self) { try fx.service(password: nil).send(ids: nil, now: due) }
        #expect(error.description.contains("status 3"))
        #expect(try fx.database.followUp(id: ids[0]).state == .approved)
        // A working one sends
        try fx.configure(smtpURL: server.startTLSURL, username: server.username, caFile: server.caFile,
                         passwordCommand: "printf '%s\\n' '\(server.password)'")
        let report = try await fx.service(password: nil).sendDue(now: due)
        #expect(report.sent == ids)
        #expect(try server.captures(for: address).count == 1)
    }

    @Test("A TLS failure before the body (untrusted certificate) is retried later and stops the batch")
    func connectionFailureRetries() async throws {
        let a = Self.unique("untrusted-a"), b = Self.unique("untrusted-b")
        let (fx, ids) = try approved([a, b])
        try fx.configure(smtpURL: server.startTLSURL, username: server.username, caFile: nil)
        let report = try await fx.service(password: server.password).sendDue(now: due)
        #expect(report.retry == [ids[0]])
        #expect(report.stopped?.contains("--ca-file") == true)
        #expect(try fx.database.followUp(id: ids[0]).state == .retry)
        #expect(try fx.database.followUp(id: ids[1]).state == .approved)
        #expect(try server.captures(for: a).isEmpty)
    }
}
