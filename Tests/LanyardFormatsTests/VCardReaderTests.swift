import Foundation
import LanyardFormats
import Testing

@Suite("vCard reader rules")
struct VCardReaderTests {
    @Test("Folded lines are unfolded and TEXT escapes undone")
    func unfoldingAndEscapes() throws {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Liz \r\n Moreau\r\nNOTE:one\\, two\\; three\\nfour\\\\\r\nEND:VCARD\r\n"
        let card = try #require(try VCardReader.parse(text).first)
        #expect(card.fullName == "Liz Moreau")
        #expect(card.note == "one, two; three\nfour\\")
    }

    @Test("vCard 4.0: TYPE lists, LinkedIn URL, CATEGORIES, several emails and phones")
    func version4() throws {
        let text = """
            BEGIN:VCARD
            VERSION:4.0
            FN:José Müller
            N:Müller;José;;Dr.;
            EMAIL;TYPE=work:jose@acme.example
            EMAIL;TYPE=home:jose@gmail.com
            TEL;TYPE="cell,voice";VALUE=uri:tel:+49-30-1234567
            ORG:ACME GmbH;Research;Lab 2
            TITLE:CTO
            CATEGORIES:swift,server
            URL:https://www.linkedin.com/in/jose-mueller/
            PHOTO:data:image/png;base64,iVBORw0KGgo=
            X-UNKNOWN;FOO=bar:ignored
            END:VCARD
            """
        let card = try #require(try VCardReader.parse(text).first)
        #expect(card.givenName == "José")
        #expect(card.familyName == "Müller")
        #expect(card.prefix == "Dr.")
        #expect(card.emails == [.init("jose@acme.example", label: "work"), .init("jose@gmail.com", label: "home")])
        #expect(card.phones == [.init("+49-30-1234567", label: "cell")])
        #expect(card.organization == "ACME GmbH")
        #expect(card.organizationUnits == ["Research", "Lab 2"])
        #expect(card.categories == ["swift", "server"])
        #expect(card.linkedinURL == "https://www.linkedin.com/in/jose-mueller/")
    }

    @Test("vCard 2.1 quoted-printable in ISO-8859-1")
    func latin1() throws {
        let text = "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=F6rg\nEND:VCARD\n"
        let card = try #require(try VCardReader.parse(text).first)
        #expect(card.familyName == "Müller")
        #expect(card.givenName == "Jörg")
    }

    @Test("Broken structure is refused with the line")
    func errors() {
        #expect(throws: FormatError.self) { try VCardReader.parse("BEGIN:VCARD\nFN:Liz\n") }
        #expect(throws: FormatError.self) { try VCardReader.parse("FN:Liz\nEND:VCARD\n") }
        #expect(throws: FormatError.self) { try VCardReader.parse("hello") }
        do {
            _ = try VCardReader.parse("VERSION:3.0\nBEGIN:VCARD\nFN:Liz\nEND:VCARD")
            Issue.record("expected an error")
        } catch let error as FormatError {
            #expect(error.line == 1)
            #expect(error.description.contains("outside BEGIN:VCARD"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
