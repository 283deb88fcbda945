import LanyardFormats

/// What identifies a contact record read again: every field of its card that an import uses,
/// as read (labels, line breaks of the note and letter case included), hashed to 128 bits with
/// FNV-1a and written as 32 hex digits. Two records with the same fingerprint import the same
/// way, so the second is the first one's person, unchanged.
enum ContactFingerprint {
    static func of(_ card: ContactCard) -> String {
        var hash = FNV1a128()
        // Each field ends with 0x1F, each value of a list with 0x1E; an absent value differs
        // from an empty one (0x1D).
        func field(_ value: String?) {
            if let value { hash.add(value) } else { hash.add(byte: 0x1D) }
            hash.add(byte: 0x1F)
        }
        func list(_ values: [String]) {
            for value in values {
                hash.add(value)
                hash.add(byte: 0x1E)
            }
            hash.add(byte: 0x1F)
        }
        for name in [card.fullName, card.givenName, card.familyName, card.middleName, card.prefix, card.suffix, card.nickname] {
            field(name)
        }
        list(card.emails.map(\.value))
        list(card.phones.map(\.value))
        field(card.organization)
        field(card.title)
        field(card.linkedinURL)
        field(card.note)
        list(card.categories)
        return hash.hex
    }
}

/// 128-bit FNV-1a (offset basis and prime from the FNV reference).
struct FNV1a128 {
    private static let prime: UInt128 = (1 << 88) + 0x13B
    private(set) var value: UInt128 = 0x6c62272e_07bb0142_62b82175_6295c58d

    mutating func add(byte: UInt8) {
        value = (value ^ UInt128(byte)) &* Self.prime
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte: byte) }
    }

    /// The hash as 32 lower-case hex digits.
    var hex: String {
        // Nibble by nibble: `String(_:radix:)` divides a UInt128 once per digit.
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for index in 0..<32 {
                buffer[index] = digits[Int(truncatingIfNeeded: value >> UInt128(4 * (31 - index))) & 0xF]
            }
            return 32
        }
    }
}
