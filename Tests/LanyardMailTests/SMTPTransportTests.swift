import Foundation
import LanyardMail
import LanyardTestSupport
import Testing

@Suite("SMTP transport against the local server", .enabled(if: SMTPTestServer.current != nil, SMTPTestServer.skipReason))
struct SMTPTransportTests {
    let server = SMTPTestServer.current!
    let sender = try! MailAddress("lanyard@example.org", name: "Ada Lovelace", field: "from")

    func configuration(url: String? = nil, password: String? = nil, responseTimeout: TimeInterval = 30) -> SMTPConfiguration {
        SMTPConfiguration(url: url ?? server.startTLSURL, username: server.username, password: password ?? server.password,
                          caFile: server.caFile, connectTimeout: 10, responseTimeout: responseTimeout)
    }

    func message(to address: String, name: String = "Grace Hopper", subject: String = "Thanks") throws -> Data {
        try MailMessage(from: sender, to: try MailAddress(address, name: name), subject: subject,
                        body: "Hello,\n.leading dot\nbye", messageID: MailMessage.makeMessageID(domain: "example.org")).rendered()
    }

    static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())@example.com" }

    @Test("STARTTLS with AUTH delivers the exact bytes once")
    func startTLSDelivers() throws {
        // Given a message to a fresh recipient
        let to = Self.unique("grace")
        let data = try message(to: to, name: "Grâce Hopper", subject: "Ça va ?")
        // When it is sent over smtp:// with STARTTLS required
        let transport = try SMTPTransport(configuration: configuration())
        let reply = try transport.send(data, from: sender.address, to: to)
        // Then the server captured exactly those bytes, with the envelope we gave
        #expect(reply.hasPrefix("250"))
        let captures = try server.captures(for: to)
        try #require(captures.count == 1)
        #expect(captures[0].raw == data)
        #expect(captures[0].mailFrom == sender.address)
        let parsed = try ParsedMessage(captures[0].raw)
        #expect(try parsed.decoded("subject") == "Ça va ?")
        #expect(try parsed.decoded("to") == "Grâce Hopper <\(to)>")
        #expect(parsed.body == "Hello,\r\n.leading dot\r\nbye\r\n")
    }

    @Test("Implicit TLS (smtps://) delivers too")
    func implicitTLSDelivers() throws {
        let to = Self.unique("smtps")
        let transport = try SMTPTransport(configuration: configuration(url: server.implicitTLSURL))
        try transport.send(try message(to: to), from: sender.address, to: to)
        #expect(try server.captures(for: to).count == 1)
    }

    @Test("451 at RCPT is a temporary failure carrying the reply")
    func tempfail() throws {
        let to = Self.unique("tempfail")
        let transport = try SMTPTransport(configuration: configuration())
        let error = try #require(throws: SMTPError.self) { try transport.send(try message(to: to), from: sender.address, to: to) }
        #expect(error.kind == .temporary)
        #expect(error.reply == 451)
        #expect(error.replyText?.contains("Try again later") == true)
        #expect(try server.captures(for: to).isEmpty)
    }

    @Test("550 at RCPT is a permanent failure; the connection still serves the next message")
    func reject() throws {
        let bad = Self.unique("reject"), good = Self.unique("after-reject")
        let transport = try SMTPTransport(configuration: configuration())
        let error = try #require(throws: SMTPError.self) { try transport.send(try message(to: bad), from: sender.address, to: bad) }
        #expect(error.kind == .permanent)
        #expect(error.reply == 550)
        #expect(error.description.contains("No such user"))
        try transport.send(try message(to: good), from: sender.address, to: good)
        #expect(try server.captures(for: good).count == 1)
    }

    @Test("A wrong password is an authentication failure")
    func loginDenied() throws {
        let to = Self.unique("denied")
        let transport = try SMTPTransport(configuration: configuration(password: "wrong"))
        let error = try #require(throws: SMTPError.self) { try transport.send(try message(to: to), from: sender.address, to: to) }
        #expect(error.kind == .authentication)
        #expect(error.description.contains("LANYARD_SMTP_PASSWORD"))
        #expect(!error.description.contains("wrong"))
    }

    @Test("Without the CA file the self-signed certificate is refused (verification stays on)")
    func certificateVerified() throws {
        let to = Self.unique("nocafile")
        var config = configuration()
        config.caFile = nil
        let transport = try SMTPTransport(configuration: config)
        let error = try #require(throws: SMTPError.self) { try transport.send(try message(to: to), from: sender.address, to: to) }
        #expect(error.kind == .connection)
        #expect(try server.captures(for: to).isEmpty)
    }

    @Test("A server that stalls after the body makes the outcome unknown")
    func timeoutAfterData() throws {
        let to = Self.unique("stall")
        let transport = try SMTPTransport(configuration: configuration(responseTimeout: 2))
        let error = try #require(throws: SMTPError.self) { try transport.send(try message(to: to), from: sender.address, to: to) }
        #expect(error.kind == .unknownOutcome)
        #expect(error.curlCode == 28)
    }

    @Test("CR/LF in an envelope address is refused before curl; nothing reaches the server")
    func envelopeInjection() throws {
        let marker = Self.unique("injected")
        let transport = try SMTPTransport(configuration: configuration())
        #expect(throws: MailError.self) {
            try transport.send(try message(to: "ok@example.com"), from: sender.address, to: "victim@example.com>\r\nRCPT TO:<\(marker)")
        }
        #expect(throws: MailError.self) {
            try transport.send(try message(to: "ok@example.com"), from: "a@example.com>\r\nRCPT TO:<\(marker)", to: "ok@example.com")
        }
        #expect(try server.captures(for: marker).isEmpty)
        #expect(transport.connectionsOpened == 0)
    }

    @Test("1,000 messages over one connection: none missing, none doubled")
    func thousandMessages() throws {
        let run = UUID().uuidString.prefix(8).lowercased()
        let transport = try SMTPTransport(configuration: configuration())
        var sentIDs: Set<String> = []
        for i in 0..<1000 {
            let to = "bulk-\(run)-\(i)@example.com"
            let id = "<bulk-\(run)-\(i)@example.org>"
            let data = try MailMessage(from: sender, to: try MailAddress(to), subject: "Bulk \(i)", body: "Message \(i)", messageID: id).rendered()
            try transport.send(data, from: sender.address, to: to)
            sentIDs.insert(id)
        }
        #expect(transport.connectionsOpened == 1)
        let captures = try server.captures { $0.contains { $0.hasPrefix("bulk-\(run)-") } }
        let capturedIDs = try captures.map { try #require(try ParsedMessage($0.raw).headers["message-id"]) }
        #expect(capturedIDs.count == 1000)
        #expect(Set(capturedIDs) == sentIDs)
    }
}

@Suite("SMTP configuration rules")
struct SMTPConfigurationTests {
    @Test("Plain smtp:// needs --insecure for STARTTLS to be dropped, and only to loopback")
    func insecureOnlyLoopback() throws {
        #expect(try SMTPConfiguration(url: "smtp://mail.example.com:587").validate() == .startTLS)
        #expect(try SMTPConfiguration(url: "smtps://mail.example.com").validate() == .implicitTLS)
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1:2525", insecure: true).validate() == SMTPConfiguration.Security.none)
        #expect(try SMTPConfiguration(url: "smtp://localhost:2525", insecure: true).validate() == SMTPConfiguration.Security.none)
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: "smtp://mail.example.com", insecure: true).validate() }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: "http://mail.example.com").validate() }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: "smtps://mail.example.com\r\nQUIT").validate() }
    }
}
