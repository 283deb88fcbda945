import Foundation

/// The white space `trimmingWhitespace` trims: Foundation's sets of the same names, each made
/// once (on Linux, every read of `CharacterSet.whitespaces` builds the set again: 7 % of a
/// vCard parse's instructions went to the two getters).
public enum WhitespaceSet: Sendable {
    case whitespaces
    case whitespacesAndNewlines

    private static let spaces = CharacterSet.whitespaces
    private static let spacesAndNewlines = CharacterSet.whitespacesAndNewlines

    public var characterSet: CharacterSet {
        switch self {
        case .whitespaces: Self.spaces
        case .whitespacesAndNewlines: Self.spacesAndNewlines
        }
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: set.characterSet)`, with a fast path: when neither end is a
    /// White_Space scalar nothing can be trimmed, and Foundation's bridging (most of a vCard's
    /// parse time) is skipped. An ASCII end is compared with U+0009–U+000D and U+0020 (the ASCII
    /// White_Space scalars), not looked up in the scalar's Unicode properties.
    public func trimmingWhitespace(_ set: WhitespaceSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? UInt8(scalar.value).isASCIIWhitespace : scalar.properties.isWhitespace
        }
        if !isWhitespace(first), !isWhitespace(last) { return String(self) }
        return trimmingCharacters(in: set.characterSet)
    }

    /// True when the text holds this ASCII byte; no Foundation search.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.contains(byte)
    }

    /// True when the text holds `needle` (upper-case ASCII) in any ASCII case; a byte scan,
    /// where Foundation's case-insensitive `range(of:)` costs as much as the rest of a parse.
    func containsASCIICaseInsensitive(_ needle: String) -> Bool {
        let pattern = needle.utf8.map(\.asciiLowercased)
        guard !pattern.isEmpty else { return true }
        if let found = utf8.withContiguousStorageIfAvailable({ Self.find(pattern, in: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { Self.find(pattern, in: $0) }
    }

    /// True when `bytes` hold `pattern` (lower-case ASCII) in any ASCII case.
    private static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= pattern.count else { return false }
        // The first byte in either case, by two comparisons: most bytes fail both.
        let first = pattern[0]
        let upperFirst = first.asciiUppercased
        for start in 0...(bytes.count - pattern.count) where bytes[start] == first || bytes[start] == upperFirst {
            var j = 1
            while j < pattern.count, bytes[start + j].asciiLowercased == pattern[j] { j += 1 }
            if j == pattern.count { return true }
        }
        return false
    }
}

extension UInt8 {
    /// U+0009–U+000D and U+0020: the ASCII scalars with the White_Space property (what both
    /// `WhitespaceSet`s trim among ASCII).
    public var isASCIIWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }

    /// The byte with an ASCII capital letter lower-cased; every other byte as it is.
    public var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }

    /// The byte with an ASCII small letter upper-cased; every other byte as it is.
    public var asciiUppercased: UInt8 { self >= 0x61 && self <= 0x7A ? self & ~0x20 : self }
}

extension Array where Element == UInt8 {
    /// The indices left once ASCII white space is dropped from both ends: the byte form of
    /// `trimmingWhitespace` for ASCII text, for the normalisers' byte fast paths.
    public var asciiWhitespaceTrimmed: Range<Int> {
        var start = 0
        var end = count
        while start < end, self[start].isASCIIWhitespace { start += 1 }
        while end > start, self[end - 1].isASCIIWhitespace { end -= 1 }
        return start..<end
    }
}
