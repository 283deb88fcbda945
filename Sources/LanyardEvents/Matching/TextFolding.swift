import Foundation

/// Folds text to the form names and companies are compared in: Unicode NFC, German
/// transliteration (ä→ae, ö→oe, ü→ue, ß→ss), other accents removed, lower case.
public enum TextFolding {
    /// Letters whose accent-free form is not what dropping the accent gives.
    static let transliterations: [Character: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i",
    ]

    /// "José Müller" (NFC or NFD) → "jose mueller".
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) { return text.lowercased() }
        let composed = text.precomposedStringWithCanonicalMapping
        var out = ""
        out.reserveCapacity(composed.utf8.count)
        for c in composed {
            if let replacement = transliterations[c] { out += replacement } else { out.append(c) }
        }
        return out.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// Folds and splits into words: apostrophes (' ’ ʼ ` ´) vanish ("O’Brien" → "obrien"),
    /// any other non-letter, non-digit character (space, hyphen, dot, comma) separates words.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in fold(text).unicodeScalars {
            switch scalar {
            case "'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}":
                continue
            default:
                if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    current.unicodeScalars.append(scalar)
                } else if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
