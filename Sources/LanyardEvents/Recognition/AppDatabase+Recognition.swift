import Foundation
import GRDB
import LanyardFormats
import LanyardStore

extension AppDatabase {
    /// Finds who `contact` may be, without writing: the strong match if the evidence is
    /// strong, and the possible matches best first. The vCard/CSV importer uses the same rule.
    public func recognize(_ contact: ContactCard) throws -> Recognition {
        let query = ContactQuery(contact)
        return try reader.read { db in try Self.recognize(query, in: db) }
    }

    /// Recognition inside a caller's transaction (check-in, import).
    public static func recognize(_ query: ContactQuery, in db: Database, excluding excluded: Set<Int64> = []) throws -> Recognition {
        let found = try candidateIDs(for: query, in: db)
        var ids = found.byIdentifier.subtracting(excluded)
        // People found only by name keys must agree on the name to be worth loading.
        let byNameOnly = found.byName.subtracting(ids).subtracting(excluded)
        if !byNameOnly.isEmpty {
            let rows = try Row.fetchAll(db, sql: "SELECT id, name, normalizedName FROM person WHERE id IN \(placeholders(byNameOnly.count))",
                                        arguments: StatementArguments(Array(byNameOnly)))
            for row in rows {
                let name = PersonName(normalized: row["normalizedName"], display: row["name"])
                if NameComparison.compare(query.name, name).level >= .equivalent { ids.insert(row["id"]) }
            }
        }
        guard !ids.isEmpty else { return Recognition(match: nil, candidates: []) }
        let known = try knownPeople(ids: Array(ids), in: db)
        let scored = known.map { MatchScorer.score(query, against: $0) }
        return MatchScorer.decide(scored)
    }

    /// The people worth scoring, found only through indexed keys: emails, phones, the LinkedIn
    /// key (`byIdentifier`) and the `name` keys of `personKey` (`byName`). Never a scan.
    static func candidateIDs(for query: ContactQuery, in db: Database, nameLimit: Int = 200) throws -> (byIdentifier: Set<Int64>, byName: Set<Int64>) {
        var ids: Set<Int64> = []
        if !query.emails.isEmpty {
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT personId FROM personEmail WHERE normalized IN \(placeholders(query.emails.count))", arguments: StatementArguments(query.emails)))
        }
        if !query.phones.isEmpty {
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT personId FROM personPhone WHERE normalized IN \(placeholders(query.phones.count))", arguments: StatementArguments(query.phones)))
        }
        if let key = query.linkedinKey {
            ids.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE linkedinKey = ?", arguments: [key]))
        }
        var byName: Set<Int64> = []
        if let name = query.name {
            let keys = PersonKeys.lookupKeys(for: name)
            if !keys.isEmpty {
                byName.formUnion(try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT personId FROM personKey
                    WHERE kind = '\(PersonKeys.name)' AND key IN \(placeholders(keys.count)) LIMIT \(nameLimit)
                    """, arguments: StatementArguments(keys)))
            }
        }
        return (ids, byName)
    }

    /// Loads people with their parsed names, emails and phones, in three queries.
    static func knownPeople(ids: [Int64], in db: Database) throws -> [MatchScorer.Known] {
        let people = try Person.fetchAll(db, keys: ids)
        var emails: [Int64: [String]] = [:]
        var phones: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT personId, normalized FROM personEmail WHERE personId IN \(placeholders(ids.count))", arguments: StatementArguments(ids)) {
            emails[row["personId"], default: []].append(row["normalized"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT personId, normalized FROM personPhone WHERE personId IN \(placeholders(ids.count))", arguments: StatementArguments(ids)) {
            phones[row["personId"], default: []].append(row["normalized"])
        }
        return people.map { person in
            let id = person.id ?? 0
            return MatchScorer.Known(
                person: person,
                name: PersonName(normalized: person.normalizedName, display: person.name),
                emails: emails[id] ?? [], phones: phones[id] ?? [])
        }
    }

    static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }
}
