import Foundation
import LanyardMail
import LanyardTestSupport
import Testing

@Suite("Message building")
struct MailMessageTests {
    let sender = try! MailAddress("ada@example.org", name: "Ada Lovelace", field: "from")

    @Test("An ASCII message has every header, CRLF lines and a quoted-printable body")
    func asciiMessage() throws {
        // Given a message to a plain ASCII name
        let to = try MailAddress("grace@example.com", name: "Grace Hopper", field: "to")
        let date = Date(timeIntervalSince1970: 1_503_410_923) // Tue, 22 Aug 2017 14:08:43 +0000
        let message = try MailMessage(from: sender, to: to, subject: "Thanks for your time",
                                      body: "Hi Grace,\nGreat to meet you.\n", date: date, messageID: "<abc@example.org>")
        // When it is rendered
        let data = try message.rendered()
        let parsed = try ParsedMessage(data)
        // Then headers are exact and every line ends in CRLF
        #expect(parsed.headers["date"] == "Tue, 22 Aug 2017 14:08:43 +0000")
        #expect(parsed.headers["from"] == "Ada Lovelace <ada@example.org>")
        #expect(parsed.headers["to"] == "Grace Hopper <grace@example.com>")
        #expect(parsed.headers["subject"] == "Thanks for your time")
        #expect(parsed.headers["message-id"] == "<abc@example.org>")
        #expect(parsed.headers["mime-version"] == "1.0")
        #expect(parsed.headers["content-type"] == "text/plain; charset=UTF-8")
        #expect(parsed.headers["content-transfer-encoding"] == "quoted-printable")
        #expect(parsed.body == "Hi Grace,\r\nGreat to meet you.\r\n")
        let bytes = [UInt8](data)
        for (i, b) in bytes.enumerated() where b == 10 { #expect(i > 0 && bytes[i - 1] == 13) }
        for (i, b) in bytes.enumerated() where b == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10) }
    }

    @Test("Non-ASCII names and subjects become encoded words of at most 75 characters, split on characters")
    func encodedWords() throws {
        // Given a long accented subject and a non-ASCII name
        let subject = String(repeating: "Merci pour l’échange à São Paulo — 東京でまた会いましょう 🎉 ", count: 3)
        let to = try MailAddress("jose@example.com", name: "José Müller-Łukasiewicz", field: "to")
        let message = try MailMessage(from: sender, to: to, subject: subject, body: "Olá!", messageID: "<x@example.org>")
        // When rendered
        let parsed = try ParsedMessage(try message.rendered())
        // Then each word is short, decodes to whole characters, and the whole round-trips
        let words = parsed.headers["subject"]!.split(separator: " ")
        #expect(words.count > 3)
        for word in words {
            #expect(word.count <= 75)
            let payload = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!
            #expect(String(data: payload, encoding: .utf8) != nil, "a word split a character: \(word)")
        }
        #expect(try parsed.decoded("subject") == subject)
        #expect(try parsed.decoded("to") == "José Müller-Łukasiewicz <jose@example.com>")
        #expect(parsed.body == "Olá!\r\n")
        #expect(parsed.rawBody.contains("Ol=C3=A1!"))
        for line in parsed.rawHeaderLines { #expect(line.utf8.count <= 998) }
    }

    @Test("A long body line is soft-wrapped at 76 and decodes back; trailing spaces and = are encoded")
    func quotedPrintableWrapping() throws {
        let line = String(repeating: "éa=b ", count: 120) + "end  "
        let message = try MailMessage(from: sender, to: try MailAddress("x@example.com"), subject: "s", body: line, messageID: "<q@example.org>")
        let parsed = try ParsedMessage(try message.rendered())
        for raw in parsed.rawBody.components(separatedBy: "\r\n") { #expect(raw.utf8.count <= 76) }
        #expect(parsed.body == line + "\r\n")
    }

    @Test("CR, LF and NUL in names, subjects and addresses are refused", arguments: [
        "a\r\nBcc: evil@example.com", "a\nb", "a\rb", "a\0b",
    ])
    func headerInjection(_ bad: String) throws {
        #expect(throws: MailError.self) { try MailAddress("ok@example.com", name: bad, field: "to") }
        #expect(throws: MailError.self) { try MailAddress("ok@example.com" + bad, field: "to") }
        #expect(throws: MailError.self) {
            try MailMessage(from: sender, to: try MailAddress("ok@example.com"), subject: bad, body: "", messageID: "<m@example.org>")
        }
    }

    @Test("Addresses are validated strictly", arguments: [
        "", "plain", "a@b", "a@@example.com", "a b@example.com", "<a@example.com>", "a.@example.com",
        ".a@example.com", "a..b@example.com", "a@-example.com", "a@example-.com", "ü@example.com",
        "a@exa_mple.com", "a@example..com", String(repeating: "x", count: 65) + "@example.com",
    ])
    func invalidAddresses(_ address: String) {
        #expect(throws: MailError.self) { try MailAddress(address, field: "to") }
    }

    @Test("Usual addresses pass", arguments: ["a@example.com", "first.last+tag@sub.example.co.uk", "o'brien@example.ie", "x_y-z@a-b.example"])
    func validAddresses(_ address: String) throws {
        #expect(try MailAddress(address).address == address)
    }

    @Test("The date is in English whatever the locale, with the zone offset")
    func dateFormat() {
        let date = Date(timeIntervalSince1970: 1_503_410_923)
        #expect(MailMessage.formatDate(date, timeZone: TimeZone(identifier: "Europe/Berlin")!) == "Tue, 22 Aug 2017 16:08:43 +0200")
    }
}
