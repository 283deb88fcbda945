import Foundation

/// What `lanyard search` asks: words (each a prefix), and optional filters.
public struct SearchQuery: Sendable, Equatable {
    /// The user's words, as typed; any punctuation or FTS syntax in it is ignored.
    public var text: String
    /// Only people with this tag (normalised like every tag).
    public var tag: String?
    /// Only people met at this event (slug).
    public var eventSlug: String?
    /// The most hits to return.
    public var limit: Int

    public init(_ text: String, tag: String? = nil, eventSlug: String? = nil, limit: Int = 20) {
        self.text = text
        self.tag = tag
        self.eventSlug = eventSlug
        self.limit = limit
    }

    /// The words of `text`: runs of letters and digits, at most 16.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return Array(words.prefix(16))
    }

    /// An FTS5 MATCH expression where every word is a quoted phrase (a prefix when it has two
    /// letters or more), all required, optionally limited to `columns`; nil when `text` has no
    /// word. No input makes it a syntax error: words hold only letters and digits, and are quoted.
    public static func matchExpression(_ text: String, prefix: Bool = true, columns: [String]? = nil) -> String? {
        let words = words(text)
        guard !words.isEmpty else { return nil }
        let filter = columns.map { "{" + $0.joined(separator: " ") + "} : " } ?? ""
        // A one-letter word is an initial ("Anna B"): as a prefix it would merge the doclists
        // of every word starting with that letter, so it matches whole one-letter words only.
        return words.map { word in
            filter + "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix && word.count > 1 ? "*" : "")
        }.joined(separator: " ")
    }
}
