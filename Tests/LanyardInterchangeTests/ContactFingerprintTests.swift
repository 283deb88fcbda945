@testable import LanyardInterchange
import LanyardFormats
import Testing

/// Fingerprints are stored (`importedContact`): their text must never change.
@Suite("Contact fingerprints")
struct ContactFingerprintTests {
    @Test("the hex digits are the hash's, 32 of them, zero-padded, for hashes of any size")
    func hexDigits() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<20_000 {
            var hash = FNV1a128()
            for _ in 0..<(round % 40) { hash.add(byte: UInt8.random(in: 0...255, using: &generator)) }
            let digits = String(hash.value, radix: 16)
            #expect(hash.hex == String(repeating: "0", count: 32 - digits.count) + digits)
        }
    }

    @Test("a card's fingerprint is the one earlier versions stored")
    func stable() {
        var card = ContactCard(fullName: "Elizabeth Moreau", emails: [.init("liz@acme.com", label: "work")], organization: "Acme Inc.")
        card.note = "Runs marathons\r\nTwin daughters"
        card.categories = ["investor"]
        #expect(ContactFingerprint.of(card) == "a2c6352ae4c3d14fb8e7d0acac945e39")
        #expect(ContactFingerprint.of(ContactCard()) != ContactFingerprint.of(ContactCard(fullName: "")))
    }
}
