import Foundation

/// One person found by a search, with where the words matched.
public struct SearchHit: Codable, Sendable, Equatable {
    public var personId: Int64
    public var name: String
    public var company: String?
    public var title: String?
    /// The field the snippet comes from: name, company, title, tags, facts, met_at or notes.
    public var matchedField: String
    /// A short excerpt of that field with the matching words in [brackets].
    public var snippet: String
    /// bm25 relevance inside its ranking tier (lower is better); nil when the tier matched too
    /// many people to rank and listed the newest first. The list order is the ranking.
    public var score: Double?

    public init(personId: Int64, name: String, company: String?, title: String?, matchedField: String, snippet: String, score: Double?) {
        self.personId = personId
        self.name = name
        self.company = company
        self.title = title
        self.matchedField = matchedField
        self.snippet = snippet
        self.score = score
    }
}
