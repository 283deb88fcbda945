import Foundation

/// What a check-in depends on, or what it changed, in the terms recognition reads: the keys
/// it looks people up by (normalised emails and phones, the LinkedIn key, `personKey` name
/// keys) and the people whose rows, emails, phones, meetings or notes it read or wrote.
/// A plan made on an older snapshot still holds when no write since touched its footprint
/// (`CheckInQueue`); anything else is re-planned in the write transaction.
public struct CheckInFootprint: Sendable, Equatable {
    /// Namespaced keys: `email:…`, `phone:…`, `linkedin:…`, `name:…`.
    public private(set) var keys: Set<String> = []
    /// Person ids.
    public private(set) var people: Set<Int64> = []

    public init() {}

    /// True when the two share a key or a person.
    public func overlaps(_ other: CheckInFootprint) -> Bool {
        !keys.isDisjoint(with: other.keys) || !people.isDisjoint(with: other.people)
    }

    /// Adds what `other` holds.
    public mutating func formUnion(_ other: CheckInFootprint) {
        keys.formUnion(other.keys)
        people.formUnion(other.people)
    }

    /// Adds a person.
    mutating func insert(person id: Int64) {
        people.insert(id)
    }

    // MARK: - Reading and writing sides

    /// Every key recognition of `query` looks up: its emails, phones, LinkedIn key and both
    /// sets of name keys (written and nicknames, then Soundex), whichever it ends up using.
    static func lookedUp(by query: ContactQuery) -> CheckInFootprint {
        var footprint = identifiers(of: query)
        if let name = query.name {
            for key in PersonKeys.lookupKeys(for: name, phonetic: false) { footprint.keys.insert("name:" + key) }
            for key in PersonKeys.lookupKeys(for: name, phonetic: true) { footprint.keys.insert("name:" + key) }
        }
        return footprint
    }

    /// Every key a person made from (or absorbing) `query` can be stored under: its emails,
    /// phones, LinkedIn key and the `personKey` name keys of its name.
    static func stored(from query: ContactQuery) -> CheckInFootprint {
        var footprint = identifiers(of: query)
        if let name = query.name { footprint.insert(nameKeysOf: name) }
        return footprint
    }

    /// Adds the `personKey` name keys stored for `name`.
    mutating func insert(nameKeysOf name: PersonName) {
        for key in PersonKeys.keys(for: name) where key.kind == PersonKeys.name { keys.insert("name:" + key.key) }
    }

    private static func identifiers(of query: ContactQuery) -> CheckInFootprint {
        var footprint = CheckInFootprint()
        for email in query.emails { footprint.keys.insert("email:" + email) }
        for phone in query.phones { footprint.keys.insert("phone:" + phone) }
        if let key = query.linkedinKey { footprint.keys.insert("linkedin:" + key) }
        return footprint
    }
}
