import Foundation
import LanyardStore

/// The one rule for "is this the same person": weighs what agrees and what contradicts.
/// Strong identifiers (email, phone, LinkedIn) attach on their own; a name needs a
/// corroborating company; contrary evidence (another LinkedIn profile, Sr. vs Jr., other
/// phones, two emails at one company) pulls the score down.
public enum MatchScorer {
    /// A score at or above this attaches a check-in to the person.
    public static let attachThreshold = 60
    /// Below this a person is not even offered as a candidate.
    public static let candidateThreshold = 10
    /// A strong match must lead the next one by this much, or it is only a candidate.
    public static let leadMargin = 20

    /// What is known about one stored person.
    public struct Known: Sendable {
        public var person: Person
        public var name: PersonName?
        public var emails: [String]
        public var phones: [String]

        public init(person: Person, name: PersonName?, emails: [String], phones: [String]) {
            self.person = person
            self.name = name
            self.emails = emails
            self.phones = phones
        }
    }

    /// Scores one known person against the query.
    public static func score(_ query: ContactQuery, against known: Known, nicknames: NicknameTable = .shared) -> MatchCandidate {
        var points = 0
        var reasons: [String] = []
        var matchedBy: [String] = []
        let person = known.person

        let sharedEmails = query.emails.filter(known.emails.contains)
        if let email = sharedEmails.first {
            points += 60
            reasons.append("same email \(email)")
            matchedBy.append("email")
        }
        let sharedPhones = query.phones.filter(known.phones.contains)
        if !sharedPhones.isEmpty {
            points += 60
            reasons.append("same phone number")
            matchedBy.append("phone")
        }
        if let key = query.linkedinKey, let theirs = person.linkedinKey {
            if key == theirs {
                points += 70
                reasons.append("same LinkedIn profile \(key)")
                matchedBy.append("linkedin")
            } else {
                points -= 80
                reasons.append("different LinkedIn profiles (\(key) vs \(theirs))")
            }
        }

        let name = NameComparison.compare(query.name, known.name, nicknames: nicknames)
        switch name.level {
        case .same: points += 40
        case .equivalent: points += 35
        case .compatible: points += 15
        case .familyOnly: points += 5
        case .different: points -= 30
        case .unknown: break
        }
        if name.level >= .equivalent { matchedBy.append("name") }
        if name.level == .different, let q = query.name {
            reasons.append("different name (\(q.display) vs \(person.name))")
        } else {
            reasons += name.reasons.map { $0 == "same name" ? "same name" : "name: \($0)" }
        }
        if name.generationConflict { points -= 80 }
        reasons += name.contrary
        if name.contrary.contains(where: { $0.hasPrefix("different middle") }) { points -= 15 }

        let theirCompany = person.company.flatMap(ContactNormalizer.company)
        var sameCompany = false
        if let ours = query.companyKey, let theirCompany {
            if ours == theirCompany {
                sameCompany = true
                points += 25
                reasons.append("same company (\(person.company ?? ours))")
                matchedBy.append("company")
            } else {
                points -= 10
                reasons.append("different company (\(query.company ?? ours) vs \(person.company ?? theirCompany))")
            }
        }

        if !query.phones.isEmpty, !known.phones.isEmpty, sharedPhones.isEmpty {
            points -= 20
            reasons.append("different phone numbers")
        }
        if !query.emails.isEmpty, !known.emails.isEmpty, sharedEmails.isEmpty {
            let theirDomains = Set(known.emails.compactMap(ContactNormalizer.domain(ofEmail:)))
            let sharedWorkDomain = query.emails.compactMap(ContactNormalizer.domain(ofEmail:))
                .contains { theirDomains.contains($0) && !ContactNormalizer.isFreeMail(domain: $0) }
            if sharedWorkDomain {
                points -= 40
                reasons.append("two different emails at the same company")
            } else if query.companyKey != nil, theirCompany != nil, !sameCompany {
                points -= 20
                reasons.append("different company and different email")
            } else {
                points -= 5
                reasons.append("different email")
            }
        }
        return MatchCandidate(person: person, score: max(0, min(100, points)), reasons: reasons, matchedBy: matchedBy)
    }

    /// Splits scored people into the strong match (if one clearly leads) and candidates.
    public static func decide(_ scored: [MatchCandidate], limit: Int = 5) -> Recognition {
        let ranked = scored.filter { $0.score >= candidateThreshold }
            .sorted { ($0.score, -($0.person.id ?? 0)) > ($1.score, -($1.person.id ?? 0)) }
        guard let best = ranked.first, best.score >= attachThreshold else {
            return Recognition(match: nil, candidates: Array(ranked.prefix(limit)))
        }
        if ranked.count > 1, ranked[1].score >= attachThreshold, best.score - ranked[1].score < leadMargin {
            return Recognition(match: nil, candidates: Array(ranked.prefix(limit)))
        }
        return Recognition(match: best, candidates: Array(ranked.dropFirst().prefix(limit)))
    }
}
