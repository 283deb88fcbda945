import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: set)` for a set of white space (`.whitespaces`,
    /// `.whitespacesAndNewlines`), with a fast path: when neither end is a White_Space scalar
    /// nothing can be trimmed, and Foundation's bridging (most of a vCard's parse time) is skipped.
    public func trimmingWhitespace(_ set: CharacterSet) -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return "" }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return String(self) }
        return trimmingCharacters(in: set)
    }

    /// True when the text holds this ASCII byte; no Foundation search.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.contains(byte)
    }

    /// True when the text holds `needle` (upper-case ASCII) in any ASCII case; a byte scan,
    /// where Foundation's case-insensitive `range(of:)` costs as much as the rest of a parse.
    func containsASCIICaseInsensitive(_ needle: String) -> Bool {
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }
        let pattern = needle.utf8.map(lower)
        let bytes = Array(utf8)
        guard !pattern.isEmpty else { return true }
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where lower(bytes[start]) == pattern[0] {
            var j = 1
            while j < pattern.count, lower(bytes[start + j]) == pattern[j] { j += 1 }
            if j == pattern.count { return true }
        }
        return false
    }
}
