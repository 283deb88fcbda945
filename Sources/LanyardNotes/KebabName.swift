import Foundation

/// The one spelling of tags and fact keys: lower-case, accent-free kebab-case
/// ("Swift Community" → `swift-community`, "Ask about" → `ask-about`).
public enum KebabName {
    /// The kebab-case form of `text`; empty when it has no letter or digit.
    public static func make(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? makeASCII(text) : makeFolded(text)
    }

    /// `make` through Foundation's folding (accents, widths): any text.
    static func makeFolded(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var words: [String] = []
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(contentsOf: character.lowercased())
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: "-")
    }

    /// `make` for ASCII text, where folding is lower-casing: the same result without Foundation.
    static func makeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(lower)
            } else if !out.isEmpty {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The kebab-case form, or `NotesError.invalidName` naming `field` when nothing is left.
    static func validated(_ text: String, field: String) throws -> String {
        let name = make(text)
        guard !name.isEmpty else { throw NotesError.invalidName(field: field, given: text) }
        return name
    }
}
