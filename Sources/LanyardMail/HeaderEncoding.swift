import Foundation

/// Encodings for header values and bodies: RFC 2047 encoded words and quoted-printable.
public enum HeaderEncoding {
    /// The longest encoded word RFC 2047 allows.
    public static let maxEncodedWordLength = 75

    /// True when `text` can go into a header as is (printable ASCII and spaces).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// `text` as `=?UTF-8?B?...?=` words of at most 75 characters, split only on character
    /// boundaries (a character never straddles two words).
    public static func encodedWords(_ text: String) -> [String] {
        let prefix = "=?UTF-8?B?", suffix = "?="
        // 75 - 12 leaves 63 base64 characters: 60 usable, i.e. 45 bytes of UTF-8 per word.
        let maxBytes = (maxEncodedWordLength - prefix.count - suffix.count) / 4 * 3
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            if !chunk.isEmpty { words.append(prefix + Data(chunk).base64EncodedString() + suffix) }
            chunk = []
        }
        for character in text {
            var units = Array(String(character).utf8)
            if units.count > maxBytes {
                // A very long grapheme (emoji sequences): fall back to scalar boundaries.
                for scalar in character.unicodeScalars {
                    units = Array(String(scalar).utf8)
                    if chunk.count + units.count > maxBytes { flush() }
                    chunk += units
                }
                continue
            }
            if chunk.count + units.count > maxBytes { flush() }
            chunk += units
        }
        flush()
        return words
    }

    /// A display name ready for an address header: plain, quoted, or as encoded words.
    static func displayName(_ name: String) -> [String] {
        if isPlainASCII(name) {
            let specials = Set("()<>[]:;@\\,.\"")
            if name.contains(where: specials.contains) {
                let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return ["\"\(escaped)\""]
            }
            return name.split(separator: " ").map(String.init)
        }
        return encodedWords(name)
    }

    /// `text` as quoted-printable (RFC 2045) with CRLF line ends and lines of at most 76
    /// characters; any of CRLF, CR or LF in the input ends a line.
    public static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(normalized.utf8.count + 64)
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            var column = 0
            for (i, byte) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 0x20 || byte == 0x09) && !isLast)
                let piece: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                // Keep room for a soft break "=" within 76 columns.
                let limit = isLast ? 76 : 75
                if column + piece.count > limit {
                    out += [UInt8(ascii: "="), 13, 10]
                    column = 0
                }
                out += piece
                column += piece.count
            }
            if index < lines.count - 1 { out += [13, 10] }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
