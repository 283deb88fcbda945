import Foundation

/// What a contact import did: how many people were added, merged into someone known, left
/// unchanged (already there) or skipped (invalid, with `--skip-invalid`), and the new people
/// who resemble someone known, for review.
public struct ContactImportSummary: Sendable, Equatable, Codable {
    /// A new person who may be someone already known (weak evidence): check and merge by hand.
    public struct Review: Sendable, Equatable, Codable {
        public var personId: Int64
        public var name: String
        public var place: String
        public var candidates: [Candidate]
    }

    /// A known person the new one resembles, with the score (0–100) and the reasons.
    public struct Candidate: Sendable, Equatable, Codable {
        public var personId: Int64
        public var name: String
        public var score: Int
        public var reasons: [String]
    }

    public var format: ContactFormat
    public var sources: [String]
    public var added = 0
    public var merged = 0
    public var unchanged = 0
    public var skipped = 0
    /// The records left out (with `--skip-invalid`), each with where and why.
    public var invalid: [InvalidContact] = []
    public var review: [Review] = []

    public init(format: ContactFormat, sources: [String]) {
        self.format = format
        self.sources = sources
    }
}
