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
