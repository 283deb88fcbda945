import Foundation

/// The "things to ask about" rule: a fact keyed `ask about` (or `ask-about`, `Ask_About`)
/// holds one topic; a tag `ask-about: marathon` (or `ask about marathon`) holds another.
public enum AskAbout {
    /// True when a fact's key marks it as a topic to ask about.
    static func isAskAboutKey(_ key: String) -> Bool {
        TextMatch.fold(key) == " ask about "
    }

    /// The topic a tag carries ("marathon" for `ask-about: marathon`), or nil.
    static func topic(fromTag tag: String) -> String? {
        guard TextMatch.fold(tag).hasPrefix(" ask about "),
              let about = tag.range(of: "about", options: [.caseInsensitive, .diacriticInsensitive])
        else { return nil }
        let rest = tag[about.upperBound...].trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":=-_")))
        return rest.isEmpty ? nil : rest
    }
}
