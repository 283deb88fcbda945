import Foundation

/// Case- and accent-insensitive whole-word matching, for finding a city or a series in tags
/// and notes: "Zürich" matches "zurich" and "ZURICH-2025", "Berlin" does not match "Berliner".
struct TextMatch: Sendable {
    /// The folded words of the term, padded with spaces: " try swift tokyo ".
    let needle: String
    /// The term as the user wrote it, for reasons ("tagged “Berlin”").
    let term: String

    /// A matcher for `term`; nil when the term has no letters or digits.
    init?(_ term: String) {
        let folded = Self.fold(term)
        guard folded != " " else { return nil }
        needle = folded
        self.term = term
    }

    /// True when `text` contains the term as whole words.
    func matches(_ text: String) -> Bool {
        Self.fold(text).contains(needle)
    }

    /// Folds case, accents and width, turns every run of non-alphanumerics into one space, and
    /// pads with a space on each side so that `contains` finds whole words only.
    static func fold(_ text: String) -> String {
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
}
