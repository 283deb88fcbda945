import Foundation
import LanyardStore

/// A known person who may be the one being checked in, with the score and the reasons.
public struct MatchCandidate: Sendable, Equatable {
    public var person: Person
    /// 0–100: 60 and more is strong evidence.
    public var score: Int
    /// Why, for and against ("same email liz@acme.com", "different LinkedIn profiles").
    public var reasons: [String]
    /// The kinds of evidence that agreed: "email", "phone", "linkedin", "name", "company".
    public var matchedBy: [String]

    public init(person: Person, score: Int, reasons: [String], matchedBy: [String]) {
        self.person = person
        self.score = score
        self.reasons = reasons
        self.matchedBy = matchedBy
    }
}

/// What recognition found: the person to attach to when the evidence is strong, and the
/// possible matches, best first.
public struct Recognition: Sendable, Equatable {
    /// The strong match, if any.
    public var match: MatchCandidate?
    /// Weaker (or competing) possibilities, best first, the match excluded.
    public var candidates: [MatchCandidate]

    public init(match: MatchCandidate?, candidates: [MatchCandidate]) {
        self.match = match
        self.candidates = candidates
    }
}
