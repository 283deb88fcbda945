import Foundation
/// A possible match in the check-in answer: who, how likely (0–100), and why.
public struct CandidateView: Codable, Sendable, Equatable {
    public var person: PersonView
    public var score: Int
    public var reasons: [String]

    public init(person: PersonView, score: Int, reasons: [String]) {
        self.person = person
        self.score = score
        self.reasons = reasons
    }
}
