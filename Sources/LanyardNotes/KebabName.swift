import Foundation

/// The one spelling of tags and fact keys: lower-case, accent-free kebab-case
/// ("Swift Community" → `swift-community`, "Ask about" → `ask-about`).
public enum KebabName {
    /// The kebab-case form of `text`; empty when it has no letter or digit.
    public static func make(_ text: String) -> String {
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

    /// The kebab-case form, or `NotesError.invalidName` naming `field` when nothing is left.
    static func validated(_ text: String, field: String) throws -> String {
        let name = make(text)
        guard !name.isEmpty else { throw NotesError.invalidName(field: field, given: text) }
        return name
    }
}
