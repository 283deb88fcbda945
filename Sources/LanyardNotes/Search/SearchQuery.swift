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
}
