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
        try recognizeReading(query, in: db, excluding: excluded).recognition
    }

    /// `recognize(_:in:excluding:)`, also returning the people it weighed (whose rows, emails
    /// and phones the decision read): with the query's keys (`CheckInFootprint`), everything
    /// a later write must not have touched for the decision to still hold.
    static func recognizeReading(_ query: ContactQuery, in db: Database, excluding excluded: Set<Int64> = []) throws
        -> (recognition: Recognition, known: [MatchScorer.Known]) {
        var ids = try identifierMatches(for: query, in: db).subtracting(excluded)
        if let name = query.name {
            // Written names and nicknames first; Soundex (spelling slips) only when they find
            // nobody whose name agrees.
            var agreeing = try nameMatches(for: name, phonetic: false, skipping: ids.union(excluded), in: db)
            if agreeing.isEmpty {
                agreeing = try nameMatches(for: name, phonetic: true, skipping: ids.union(excluded), in: db)
            }
            ids.formUnion(agreeing)
        }
        guard !ids.isEmpty else { return (Recognition(match: nil, candidates: []), []) }
        let known = try knownPeople(ids: Array(ids), in: db)
        let scored = known.map { MatchScorer.score(query, against: $0) }
        return (MatchScorer.decide(scored), known)
    }

    /// People with the same email, phone or LinkedIn profile (indexed columns). One cached
    /// statement per key: a contact has one or two, and an `IN (json_each)` list made SQLite
    /// build two temporary tables per lookup, costlier than the lookups.
    static func identifierMatches(for query: ContactQuery, in db: Database) throws -> Set<Int64> {
        var ids: Set<Int64> = []
        if !query.emails.isEmpty {
            let statement = try db.cachedStatement(sql: "SELECT personId FROM personEmail WHERE normalized = ?")
            for email in query.emails { ids.formUnion(try Int64.fetchAll(statement, arguments: [email])) }
        }
        if !query.phones.isEmpty {
            let statement = try db.cachedStatement(sql: "SELECT personId FROM personPhone WHERE normalized = ?")
            for phone in query.phones { ids.formUnion(try Int64.fetchAll(statement, arguments: [phone])) }
        }
        if let key = query.linkedinKey {
            ids.formUnion(try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM person WHERE linkedinKey = ?"), arguments: [key]))
        }
        return ids
    }

    /// People found through the `name` keys of `personKey` (never a scan) whose name agrees
    /// (same or equivalent), at most `limit` key rows looked at: the keys in SQLite's byte
    /// order, each one's people by id (a person under two keys counts twice), as an
    /// `IN (list) LIMIT` subquery reads them; one cached statement per key.
    static func nameMatches(for name: PersonName, phonetic: Bool, skipping: Set<Int64>, limit: Int = 64, in db: Database) throws -> Set<Int64> {
        let keys = PersonKeys.lookupKeys(for: name, phonetic: phonetic)
        guard !keys.isEmpty else { return [] }
        let statement = try db.cachedStatement(sql: """
            SELECT k.personId, p.name, p.normalizedName FROM personKey k JOIN person p ON p.id = k.personId
            WHERE k.kind = ? AND k.key = ? ORDER BY k.personId LIMIT ?
            """)
        var ids: Set<Int64> = []
        var looked = 0
        for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where looked < limit {
            let rows = try Row.fetchAll(statement, arguments: [PersonKeys.name, key, limit - looked])
            looked += rows.count
            for row in rows {
                // Columns by position (id, name, normalizedName): no lookup by name per row.
                let id: Int64 = row[0]
                guard !skipping.contains(id), !ids.contains(id) else { continue }
                let known = PersonName(normalized: row[2], display: row[1])
                if NameComparison.compare(name, known).level >= .equivalent { ids.insert(id) }
            }
        }
        return ids
    }

    /// Loads people with their parsed names, emails and phones, in three queries.
    static func knownPeople(ids: [Int64], in db: Database) throws -> [MatchScorer.Known] {
        let list = SQLList.json(ids)
        let people = try Person.fetchAll(db.cachedStatement(sql: "SELECT * FROM person WHERE id IN (SELECT value FROM json_each(?))"), arguments: [list])
        var emails: [Int64: [String]] = [:]
        var phones: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT personId, normalized FROM personEmail WHERE personId IN (SELECT value FROM json_each(?))"), arguments: [list]) {
            emails[row[0], default: []].append(row[1])
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT personId, normalized FROM personPhone WHERE personId IN (SELECT value FROM json_each(?))"), arguments: [list]) {
            phones[row[0], default: []].append(row[1])
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
