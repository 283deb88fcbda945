import Foundation
/// The index keys a name is found by (rows of `personKey`): candidates for a check-in come
/// from these, never from a scan of every person.
public enum PersonKeys {
    /// Every folded name word: `token/moreau`.
    public static let token = "token"
    /// The given name and its nickname equivalents: `first/elizabeth`, `first/liz`.
    public static let first = "first"
    /// Given name (itself, its nicknames, its Soundex) + Soundex of another name word:
    /// `name/liz M6`, `name/elizabeth M6`, `name/L2 M6`. The key check-ins look up.
    public static let name = "name"

    /// The keys stored for a person's name.
    public static func keys(for name: PersonName, nicknames: NicknameTable = .shared) -> Set<PersonKeyValue> {
        guard let given = name.given else { return [] }
        var keys: Set<PersonKeyValue> = []
        for token in name.coreTokens where token.unicodeScalars.count >= 2 {
            keys.insert(.init(kind: Self.token, key: token))
        }
        let equivalents = nicknames.equivalents(of: given)
        keys.insert(.init(kind: first, key: given))
        for nickname in equivalents { keys.insert(.init(kind: first, key: nickname)) }
        let givenForms = Set([given, Soundex.key(given)]).union(equivalents)
        for other in name.others {
            let otherKey = Soundex.key(other)
            for form in givenForms { keys.insert(.init(kind: Self.name, key: form + " " + otherKey)) }
        }
        return keys
    }

    /// The `name` keys to look up for a name as typed: every ordered pair of its words, so
    /// that word order, nicknames and spelling slips still meet the stored keys.
    public static func lookupKeys(for name: PersonName) -> [String] {
        let tokens = name.coreTokens
        guard tokens.count >= 2 else { return [] }
        var keys: [String] = []
        var seen: Set<String> = []
        for (i, a) in tokens.enumerated() {
            for (j, b) in tokens.enumerated() where i != j {
                let bKey = Soundex.key(b)
                for key in [a + " " + bKey, Soundex.key(a) + " " + bKey] where seen.insert(key).inserted {
                    keys.append(key)
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
