import Foundation
@testable import LanyardEvents
import Testing

@Suite("The normalisers' ASCII fast paths agree with the general ones")
struct NormalizerFastPathTests {
    @Test("phones: extensions, second numbers, letters, short and long numbers")
    func phones() {
        let samples = ["", "+1 (415) 555-0134", "415.555.0134 ext. 12", "+1 415 555 0134 EXT 12", "555-0134 x12", "x555 0134 5",
                       "+49 30 1234567; +49 30 7654321", "030 1234567, 030 7654321", "#12345678", "12#34", "1234", "BusinessPhone",
                       "tel:+44 20 7946 0958", "0044 (0) 20 7946 0958 #2", "ext 12345 6789", "+33 1 23 45 67 89 x"]
        for sample in samples {
            #expect(ContactNormalizer.phoneASCII(sample) == ContactNormalizer.phoneText(sample), "\(sample.debugDescription)")
        }
        #expect(ContactNormalizer.phone("+1 415 555 0134 ext. 12") == "155550134")
        #expect(ContactNormalizer.phone("０３０ １２３４５６７") == ContactNormalizer.phoneText("０３０ １２３４５６７"))
    }

    @Test("emails: trimming, case, mailto:, +tags, and every way to be invalid")
    func emails() {
        let samples = ["", " ", "liz@acme.com", "Liz+SwiftConf@ACME.com ", "\t\r\nliz@acme.com\r\n", "MAILTO:Liz@Acme.com",
                       "mailto:", "mailto: liz@acme.com", "mailto:mailto:liz@acme.com", "+liz@acme.com", "liz+@acme.com", "l+i+z@acme.com",
                       "liz@acme", "liz@a.c", "liz@.com", "liz@acme.", "liz@acme..com", "liz@@acme.com", "li@z@acme.com", "@acme.com",
                       "liz@", "liz", "liz@ac", "a@b.cd", "liz@acme.com.", "liz@sub.acme.co.uk", "liz <liz@acme.com>", "\"liz\"@acme.com",
                       "liz@acme.com;", "liz,ada@acme.com", "li z@acme.com", "liz@ac me.com", "liz\u{0B}@acme.com", "\u{0C}liz@acme.com\u{0C}",
                       "liz@acme.com\r\nada@acme.com", "liz@[127.0.0.1]", "LIZ@ACME.COM", "o'brien@acme.com", "liz#1@acme.com",
                       "liz@acme-corp.com", "liz@-.--", "x@y.z", "x@..", "x@.y.", "x@y..", "+@acme.com", "++@acme.com"]
        for sample in samples {
            #expect(ContactNormalizer.emailASCII(sample) == ContactNormalizer.emailText(sample), "\(sample.debugDescription)")
        }
        #expect(ContactNormalizer.email("Liz+SwiftConf@ACME.com ") == "liz@acme.com")
        #expect(ContactNormalizer.email("José+x@Acme.com") == ContactNormalizer.emailText("José+x@Acme.com"))
    }

    @Test("emails: the ASCII table forbids what the character set forbids")
    func emailTable() {
        for value in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(ContactNormalizer.forbiddenASCII[value] == ContactNormalizer.forbiddenInEmail.contains(scalar), "\(value)")
        }
        #expect(ContactNormalizer.email("Liz <liz@acme.com>") == nil)
        #expect(ContactNormalizer.email("li z@acme.com") == nil)
        #expect(ContactNormalizer.email("liz\u{00A0}@acme.com") == nil)
        #expect(ContactNormalizer.email("José@acme.com") == "josé@acme.com")
    }
}
