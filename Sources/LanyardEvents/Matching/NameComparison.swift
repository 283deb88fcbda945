import Foundation
/// How two names compare, with the reasons a person can read.
public struct NameComparison: Sendable, Equatable {
    /// From strongest to weakest.
    public enum Level: Int, Sendable, Comparable {
        /// One side has no name to compare.
        case unknown
        /// Nothing in common.
        case different
        /// Only the family name agrees (Emma Clark, Emily Clark).
        case familyOnly
        /// One side has only a given name, and it agrees.
        case compatible
        /// The same person's name through a nickname, a typo, initials or word order.
        case equivalent
        /// The same words after folding case, accents, titles and punctuation.
        case same

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var level: Level
    /// Why the names agree ("Liz is a nickname of Elizabeth").
    public var reasons: [String] = []
    /// What speaks against them being one person ("Sr. vs Jr.", "different middle names").
    public var contrary: [String] = []
    /// True when the generational suffixes differ (Sr. vs Jr.): a different person.
    public var generationConflict = false

    /// Compares two parsed names.
    public static func compare(_ a: PersonName?, _ b: PersonName?, nicknames: NicknameTable = .shared) -> NameComparison {
        guard let a, let b, let aGiven = a.given, let bGiven = b.given else { return NameComparison(level: .unknown) }
        var result = NameComparison(level: .different)
        if let ga = a.generation, let gb = b.generation, ga != gb {
            result.generationConflict = true
            result.contrary.append("\(label(ga)) vs \(label(gb))")
        }
        let aTokens = a.coreTokens, bTokens = b.coreTokens
        if aTokens == bTokens {
            result.level = .same
            result.reasons.append("same name")
            result.contrary += initialConflicts(a, b)
            return result
        }
        if aTokens.count == bTokens.count, aTokens.sorted() == bTokens.sorted() {
            result.level = .same
            result.reasons.append("same name, other word order")
            return result
        }
        if a.others.isEmpty || b.others.isEmpty {
            // One side is a given name only ("Liz"): it agrees or not with the other's given name.
            let single = a.others.isEmpty ? aGiven : bGiven
            let full = a.others.isEmpty ? bTokens : aTokens
            for token in full {
                let match = tokenMatch(single, token, nicknames: nicknames)
                if match.quality > 0 {
                    result.level = .compatible
                    result.reasons.append("first name \(match.reason ?? "agrees") (no family name on one side)")
                    return result
                }
            }
            return result
        }
        // Try every word of each name as its given name, so that word order does not matter.
        var best: (score: Int, reasons: [String], leftover: ([String], [String]))?
        for (i, ga) in aTokens.enumerated() {
            for (j, gb) in bTokens.enumerated() {
                let given = tokenMatch(ga, gb, nicknames: nicknames)
                guard given.quality > 0 else { continue }
                var restA = aTokens; restA.remove(at: i)
                var restB = bTokens; restB.remove(at: j)
                var family: (quality: Int, reason: String?, ia: Int, ib: Int)?
                for (x, fa) in restA.enumerated().reversed() {
                    for (y, fb) in restB.enumerated().reversed() {
                        let m = tokenMatch(fa, fb, nicknames: nil)
                        if m.quality > (family?.quality ?? 0) { family = (m.quality, m.reason, x, y) }
                    }
                }
                guard let family else { continue }
                let natural = (i == 0 && j == 0) ? 1 : 0
                let score = given.quality * 10 + family.quality * 10 + natural
                if score > (best?.score ?? -1) {
                    var reasons: [String] = []
                    if let r = given.reason { reasons.append(r) }
                    if let r = family.reason { reasons.append(r) }
                    if natural == 0 { reasons.append("other word order") }
                    restA.remove(at: family.ia); restB.remove(at: family.ib)
                    best = (score, reasons, (restA, restB))
                }
            }
        }
        if let best {
            result.level = .equivalent
            result.reasons = best.reasons.isEmpty ? ["same name"] : best.reasons
            let (leftA, leftB) = best.leftover
            if !leftA.isEmpty, !leftB.isEmpty,
               !leftA.contains(where: { x in leftB.contains { tokenMatch(x, $0, nicknames: nil).quality > 0 } }) {
                result.contrary.append("different middle names")
            }
            result.contrary += initialConflicts(a, b)
            return result
        }
        // Only the family names agree?
        let aFamily = a.others.last!, bFamily = b.others.last!
        if tokenMatch(aFamily, bFamily, nicknames: nil).quality >= 2 {
            result.level = .familyOnly
            result.reasons.append("same family name")
            result.contrary.append("different first names (\(aGiven.capitalized) vs \(bGiven.capitalized))")
        }
        return result
    }

    /// How well two folded words agree: 3 the same, 2 a nickname or a slip of one letter, 0 not.
    static func tokenMatch(_ a: String, _ b: String, nicknames: NicknameTable?) -> (quality: Int, reason: String?) {
        if a == b { return (3, nil) }
        if let nicknames, nicknames.areNicknames(a, b) {
            return (2, "\(a.capitalized) = \(b.capitalized) (nickname)")
        }
        let shorter = min(a.unicodeScalars.count, b.unicodeScalars.count)
        if shorter >= 4, EditDistance.isTransposition(a, b) {
            return (2, "\(a.capitalized) ≈ \(b.capitalized) (two letters swapped)")
        }
        if shorter >= 5 {
            let limit = shorter >= 9 ? 2 : 1
            if EditDistance.between(a, b, limit: limit) <= limit {
                return (2, "\(a.capitalized) ≈ \(b.capitalized) (spelling)")
            }
        }
        return (0, nil)
    }

    /// "J." against "Robert" as the same middle position: initials that no word of the other
    /// name starts with.
    static func initialConflicts(_ a: PersonName, _ b: PersonName) -> [String] {
        guard !a.initials.isEmpty, !b.initials.isEmpty, a.initials != b.initials else { return [] }
        if Set(a.initials).isDisjoint(with: b.initials) { return ["different middle initials"] }
        return []
    }

    static func label(_ generation: String) -> String {
        switch generation {
        case "jr": "Jr."
        case "sr": "Sr."
        default: generation.uppercased()
        }
    }
}
