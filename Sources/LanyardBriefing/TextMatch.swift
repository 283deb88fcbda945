import Foundation

/// Case- and accent-insensitive whole-word matching, for finding a city or a series in tags
/// and notes: "Zürich" matches "zurich" and "ZURICH-2025", "Berlin" does not match "Berliner".
struct TextMatch: Sendable {
    /// The folded words of the term, padded with spaces: " try swift tokyo ".
    let needle: String
    /// The term as the user wrote it, for reasons ("tagged “Berlin”").
    let term: String
    private let needleBytes: [UInt8]

    /// A matcher for `term`; nil when the term has no letters or digits.
    init?(_ term: String) {
        let folded = Self.fold(term)
        guard folded != " " else { return nil }
        needle = folded
        needleBytes = Array(folded.utf8)
        self.term = term
    }

    /// True when `text` contains the term as whole words.
    func matches(_ text: String) -> Bool {
        matches(folded: Self.fold(text))
    }

    /// True when text already passed through `fold` contains the term as whole words.
    func matches(folded: String) -> Bool {
        var haystack = folded
        return haystack.withUTF8 { matches(foldedBytes: $0) }
    }

    /// The same over the UTF-8 of folded text.
    func matches(foldedBytes haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        needleBytes.withUnsafeBufferPointer { Self.search($0, in: haystack) }
    }

    /// Byte-wise substring search (the folded forms are compared exactly).
    private static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var k = 1
                while k < needle.count, haystack[start + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Folds case, accents and width, turns every run of non-alphanumerics into one space, and
    /// pads with a space on each side so that `contains` finds whole words only.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return foldASCII(text) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        var result = " "
        var lastWasSpace = true
        for character in folded {
            if character.isLetter || character.isNumber {
                result.append(character)
                lastWasSpace = false
            } else if !lastWasSpace {
                result.append(" ")
                lastWasSpace = true
            }
        }
        if !lastWasSpace { result.append(" ") }
        return result
    }

    /// The same for ASCII text, byte by byte (most tags and notes).
    private static func foldASCII(_ text: String) -> String {
        var bytes: [UInt8] = [0x20]
        bytes.reserveCapacity(text.utf8.count + 2)
        var lastWasSpace = true
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A:
                bytes.append(byte)
                lastWasSpace = false
            case 0x41...0x5A:
                bytes.append(byte + 0x20)
                lastWasSpace = false
            default:
                if !lastWasSpace {
                    bytes.append(0x20)
                    lastWasSpace = true
                }
            }
        }
        if !lastWasSpace { bytes.append(0x20) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
