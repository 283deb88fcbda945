import Foundation
import LanyardFollowUp
import LanyardMail
import LanyardStore
import LanyardTestSupport
import Testing

@Suite("Reviewing and approving follow-ups")
struct ApprovalTests {
    let met = Fixture.date("2026-05-14T15:30:00Z")
    let morning = Fixture.date("2026-05-15T06:00:00Z")

    @Test("Approval freezes the Message-ID and the exact RFC 5322 bytes")
    func approveFreezes() throws {
        // Given a complete draft to a person with an accented name
        let fx = try Fixture()
        try fx.configure()
        let event = try fx.event()
        try fx.personMet("Zoë Müller", email: "zoe@example.com", at: met, event: event)
        let draft = try #require(try fx.service().draftDue(now: morning).created.first)
        #expect(draft.messageId == nil)

        // When approved
        let approved = try fx.service().approve(id: draft.id, now: morning)

        // Then the message is frozen and reads back as sent
        #expect(approved.state == .approved)
        let record = try fx.database.followUp(id: draft.id)
        let bytes = try #require(record.message)
        let messageId = try #require(record.messageId)
        #expect(messageId.hasSuffix("@example.org>"))
        let parsed = try ParsedMessage(bytes)
        #expect(parsed.headers["message-id"] == messageId)
        #expect(try parsed.decoded("to") == "Zoë Müller <zoe@example.com>")
        #expect(parsed.headers["from"] == "Ada Lovelace <ada@example.org>")
        #expect(try parsed.decoded("subject") == "Great meeting you at SwiftConf 2026")
        #expect(parsed.headers["date"] == "Fri, 15 May 2026 06:00:00 +0000")
        #expect(parsed.body.hasPrefix("Hi Zoë,\r\n"))
        #expect(throws: FollowUpError.self) { try fx.service().approve(id: draft.id) }
    }

    @Test("A draft with missing values cannot be approved until edited; editing an approved one reopens it")
    func missingBlocksApproval() throws {
        let fx = try Fixture()
        try fx.configure()
        try fx.writeTemplate("default", "Subject: Hi\n\nDear {{first_name}} at {{company}},\nthanks.\n")
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: met, event: event)
        let draft = try #require(try fx.service().draftDue(now: morning).created.first)
        #expect(draft.missing == ["company"])
        #expect(throws: FollowUpError.missingValues(id: draft.id, names: ["company"])) { try fx.service().approve(id: draft.id) }

        // When the user edits the marker away
        let text = FollowUpText.compose(subject: draft.subject, body: draft.body).replacingOccurrences(of: "[missing: company]", with: "the Navy")
        let edited = try FollowUpText.parse(text)
        _ = try fx.database.editFollowUp(id: draft.id, subject: edited.subject, body: edited.body)

        // Then it can be approved, and a later edit drops the frozen message again
        #expect(try fx.service().approve(id: draft.id).state == .approved)
        _ = try fx.database.editFollowUp(id: draft.id, subject: "Hello again", body: "Dear Grace,\nthanks.\n")
        let reopened = try fx.database.followUp(id: draft.id)
        #expect(reopened.state == .draft)
        #expect(reopened.message == nil && reopened.messageId == nil)
    }

    @Test("Header injection through a name, subject or address is refused at approval and nothing is frozen")
    func injectionRefused() throws {
        let fx = try Fixture()
        try fx.configure()
        let event = try fx.event()
        try fx.personMet("Grace\r\nBcc: victim@example.com", email: "grace@example.com", at: met, event: event)
        try fx.personMet("Alan Turing", email: "alan@example.com\r\nRCPT TO:<victim@example.com>", at: met, event: event)
        let drafts = try fx.service().draftDue(now: morning).created
        #expect(drafts.count == 2)
        for draft in drafts {
            #expect(throws: MailError.self) { try fx.service().approve(id: draft.id) }
            let record = try fx.database.followUp(id: draft.id)
            #expect(record.state == .draft && record.message == nil)
        }
        let report = try fx.service().approveAll()
        #expect(report.approved.isEmpty && report.notApproved.count == 2)
    }

    @Test("Approval needs a configured sender")
    func needsSender() throws {
        let fx = try Fixture()
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: met, event: event)
        let draft = try #require(try fx.service().draftDue(now: morning).created.first)
        #expect(draft.missing == ["sender_name"])
        #expect(throws: FollowUpError.self) { try fx.service().approve(id: draft.id) }
    }

    @Test("Skip and the edit text round trip; a bad edited text is refused")
    func skipAndEditText() throws {
        let fx = try Fixture()
        try fx.configure()
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: met, event: event)
        let draft = try #require(try fx.service().draftDue(now: morning).created.first)
        let parsed = try FollowUpText.parse(FollowUpText.compose(subject: draft.subject, body: draft.body))
        #expect(parsed.subject == draft.subject && parsed.body == draft.body)
        #expect(throws: FollowUpError.self) { try FollowUpText.parse("no subject\n\nbody") }
        #expect(throws: FollowUpError.self) { try FollowUpText.parse("Subject: x\n\n  \n") }
        #expect(try fx.database.skipFollowUp(id: draft.id).state == .skipped)
        #expect(throws: FollowUpError.self) { try fx.service().approve(id: draft.id) }
    }

    @Test("The config file is written 0600 and keeps keys it does not own")
    func configFile() throws {
        let fx = try Fixture()
        try FileManager.default.createDirectory(atPath: fx.configDirectory, withIntermediateDirectories: true)
        let file = FollowUpSettings.fileURL(in: fx.configDirectory)
        try Data(#"{"server_token": "keep-me"}"#.utf8).write(to: file)
        try fx.configure()
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        #expect(object["server_token"] as? String == "keep-me")
        #expect((object["smtp"] as? [String: Any])?["url"] as? String == "smtps://mail.example.com")
        #expect(!String(decoding: try Data(contentsOf: file), as: UTF8.self).contains("password\""))
    }
}
