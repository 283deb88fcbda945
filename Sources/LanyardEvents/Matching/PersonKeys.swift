import Foundation
/// The index keys a name is found by (rows of `personKey`): candidates for a check-in come
/// from these, never from a scan of every person. A stored name keeps few rows (writes stay
/// cheap); the lookup side expands nicknames and word order.
public enum PersonKeys {
    /// Given name (as written, and its Soundex) + Soundex of each other name word:
    /// `name/liz M6`, `name/L2 M6`. The key check-ins look up.
    public static let name = "name"

    /// The keys stored for a person's name.
    public static func keys(for name: PersonName) -> Set<PersonKeyValue> {
        guard let given = name.given else { return [] }
        var keys: Set<PersonKeyValue> = []
        let givenForms = Set([given, Soundex.key(given)])
        for other in name.others {
            let otherKey = Soundex.key(other)
            for form in givenForms { keys.insert(.init(kind: Self.name, key: form + " " + otherKey)) }
        }
        return keys
    }

    /// The `name` keys to look up for a name as typed: every ordered pair of its words (word
    /// order), the first word as written, as Soundex (spelling slips) and as each of its
    /// nickname equivalents (Liz finds Elizabeth and Elizabeth finds Liz).
    /// With `phonetic` false only the written first word and its nicknames are used (the
    /// selective keys); with `phonetic` true only its Soundex (for spelling slips).
    public static func lookupKeys(for name: PersonName, phonetic: Bool, nicknames: NicknameTable = .shared) -> [String] {
        let tokens = name.coreTokens
        guard tokens.count >= 2 else { return [] }
        var keys: [String] = []
        var seen: Set<String> = []
        let soundex = tokens.map(Soundex.key)
        for (i, a) in tokens.enumerated() {
            let forms = phonetic ? [soundex[i]] : [a] + nicknames.equivalents(of: a).sorted()
            for j in tokens.indices where i != j {
                let bKey = soundex[j]
                for form in forms {
                    let key = form + " " + bKey
                    if seen.insert(key).inserted { keys.append(key) }
                }
            }
        }
        return keys
    }
}

/// One (kind, key) pair of the `personKey` index.
public struct PersonKeyValue: Sendable, Hashable {
    public var kind: String
    public var key: String

    public init(kind: String, key: String) {
        self.kind = kind
        self.key = key
    }
}
