import Foundation
import LanyardFormats
import Testing

@Suite("Badge payloads: MECARD, LinkedIn URLs, dispatch")
struct CardPayloadTests {
    @Test("MECARD with Last,First and escaping")
    func mecard() throws {
        let card = try MECardReader.parse(#"MECARD:N:Moreau,Liz;ORG:Acme\, Inc.;TEL:+1 415 555 0134;EMAIL:liz@acme.com;NOTE:likes \;semicolons\: yes;URL:linkedin.com/in/lizmoreau;;"#)
        #expect(card.familyName == "Moreau")
        #expect(card.givenName == "Liz")
        #expect(card.organization == "Acme, Inc.")
        #expect(card.phones.map(\.value) == ["+1 415 555 0134"])
        #expect(card.emails.map(\.value) == ["liz@acme.com"])
        #expect(card.note == "likes ;semicolons: yes")
        #expect(card.linkedinURL == "linkedin.com/in/lizmoreau")
        #expect(card.displayName == "Liz Moreau")
    }

    @Test("LinkedIn profile URLs in every form give one key")
    func linkedin() {
        let forms = [
            "https://www.linkedin.com/in/liz-moreau/", "linkedin.com/in/liz-moreau", "http://de.linkedin.com/in/Liz-Moreau?trk=abc",
            "www.linkedin.com/in/liz-moreau/en", "https://linkedin.com/in/liz-moreau#about",
        ]
        for form in forms { #expect(LinkedInProfile.key(for: form) == "linkedin.com/in/liz-moreau", "\(form)") }
        #expect(LinkedInProfile.key(for: "https://www.linkedin.com/company/acme") == nil)
        #expect(LinkedInProfile.key(for: "https://example.com/in/liz") == nil)
        #expect(LinkedInProfile.key(for: "https://notlinkedin.com/in/liz") == nil)
        #expect(LinkedInProfile.nameGuess(forKey: "linkedin.com/in/liz-moreau-4b2a19") == "Liz Moreau")
    }

    @Test("CardPayload dispatches on what the QR code holds")
    func dispatch() throws {
        #expect(try CardPayload.parse("BEGIN:VCARD\nVERSION:3.0\nFN:Liz Moreau\nEND:VCARD").fullName == "Liz Moreau")
        #expect(try CardPayload.parse("MECARD:N:Doe,John;EMAIL:john@doe.com;;").emails.first?.value == "john@doe.com")
        let linked = try CardPayload.parse("https://www.linkedin.com/in/liz-moreau/")
        #expect(linked.linkedinURL == "https://www.linkedin.com/in/liz-moreau/")
        #expect(linked.fullName == "Liz Moreau")
    }

    @Test("Unparsable payloads are refused with what was expected")
    func refusals() {
        for payload in ["", "hello there", "BEGIN:VCARD\nFN:x", "MECARD:;;", "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD", "https://example.com"] {
            #expect(throws: FormatError.self, "\(payload)") { try CardPayload.parse(payload) }
        }
    }
}
