import Foundation
import GRDB
import LanyardStore

/// Recognition for many contacts in one transaction (an import): the same rule and the same
/// answers as `AppDatabase.recognize(_:in:)`, asked of an in-memory image of the book's keys
/// (emails, phones, LinkedIn keys and the `name` rows of `personKey`) loaded once, instead of
/// several queries per contact. Scoring and the decision are `MatchScorer`'s, the name keys
/// `PersonKeys`'s and the name test `NameComparison`'s: only where candidates come from differs.
///
/// The batch keeps the image true: `noteCreated` for each person it makes, `willChange` and
/// `didChange` around each write to a person already there. Not thread-safe: one batch, one
/// writer.
public final class BatchRecognizer {
    /// Person ids by normalised email, phone and LinkedIn key.
    private var byEmail: [String: [Int64]] = [:]
    private var byPhone: [String: [Int64]] = [:]
    private var byLinkedin: [String: [Int64]] = [:]
    /// Person ids by `name` key, ascending: the order of `personKey`'s primary key.
    private var byNameKey: [String: [Int64]] = [:]
    /// The `name` keys each person has (to take them out again when the person changes).
    private var nameKeysOf: [Int64: [String]] = [:]
    /// Each person's name as stored (`name`, `normalizedName`), for the name test.
    private var names: [Int64: (display: String, normalized: String)] = [:]
    /// What scoring needs of each person looked at or made so far.
    private var known: [Int64: MatchScorer.Known] = [:]

    /// How many rows the name query of `AppDatabase.recognize` reads at most.
    static let nameRowLimit = 64

    /// Loads the image of everyone in the book (five queries, one per key table).
    public init(loading db: Database) throws {
        let people = try Row.fetchCursor(db, sql: "SELECT id, name, normalizedName, linkedinKey FROM person")
        while let row = try people.next() {
            let id: Int64 = row[0]
            names[id] = (row[1], row[2])
            if let key: String = row[3] { byLinkedin[key, default: []].append(id) }
        }
        let emails = try Row.fetchCursor(db, sql: "SELECT normalized, personId FROM personEmail")
        while let row = try emails.next() {
            byEmail[row[0], default: []].append(row[1])
        }
        let phones = try Row.fetchCursor(db, sql: "SELECT normalized, personId FROM personPhone")
        while let row = try phones.next() {
            byPhone[row[0], default: []].append(row[1])
        }
        // In primary-key order, so every id list comes out ascending.
        let keys = try Row.fetchCursor(db, sql: "SELECT key, personId FROM personKey WHERE kind = ? ORDER BY kind, key, personId",
                                       arguments: [PersonKeys.name])
        while let row = try keys.next() {
            let key: String = row[0], id: Int64 = row[1]
            byNameKey[key, default: []].append(id)
            nameKeysOf[id, default: []].append(key)
        }
    }

    /// True when loading the image costs less than asking the database row by row: the batch
    /// is not small next to the book (the image is read whole, a row's queries touch a few
    /// index pages).
    public static func pays(forContacts count: Int, in db: Database) throws -> Bool {
        let book = try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM person")) ?? 0
        return count * 4 >= book
    }

    // MARK: - Recognition

    /// Who `query` may be: what `AppDatabase.recognize(query, in: db)` answers at this point of
    /// the batch. Reads the database only for people not looked at before.
    public func recognize(_ query: ContactQuery, in db: Database) throws -> Recognition {
        var ids = identifierMatches(for: query)
        if let name = query.name {
            // As the SQL rule: written names and nicknames first, Soundex only when they find
            // nobody whose name agrees.
            var agreeing = nameMatches(for: name, phonetic: false, skipping: ids)
            if agreeing.isEmpty { agreeing = nameMatches(for: name, phonetic: true, skipping: ids) }
            ids.formUnion(agreeing)
        }
        guard !ids.isEmpty else { return Recognition(match: nil, candidates: []) }
        let scored = try knownPeople(ids: ids, in: db).map { MatchScorer.score(query, against: $0) }
        return MatchScorer.decide(scored)
    }

    /// People with one of the query's emails or phones, or its LinkedIn key.
    private func identifierMatches(for query: ContactQuery) -> Set<Int64> {
        var ids: Set<Int64> = []
        for email in query.emails { if let found = byEmail[email] { ids.formUnion(found) } }
        for phone in query.phones { if let found = byPhone[phone] { ids.formUnion(found) } }
        if let key = query.linkedinKey, let found = byLinkedin[key] { ids.formUnion(found) }
        return ids
    }

    /// The rows the SQL name query reads: its keys in byte order (the ephemeral index of the
    /// IN list), each key's people by ascending id, `nameRowLimit` rows at most; of those, the
    /// people not skipped whose name is the same or equivalent.
    private func nameMatches(for name: PersonName, phonetic: Bool, skipping: Set<Int64>) -> Set<Int64> {
        let keys = PersonKeys.lookupKeys(for: name, phonetic: phonetic)
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var ids: Set<Int64> = []
        var rows = 0
        for key in keys {
            guard let people = byNameKey[key] else { continue }
            for id in people {
                guard rows < Self.nameRowLimit else { return ids }
                rows += 1
                guard !skipping.contains(id), !ids.contains(id), let stored = names[id] else { continue }
                let known = PersonName(normalized: stored.normalized, display: stored.display)
                if NameComparison.compare(name, known).level >= .equivalent { ids.insert(id) }
            }
        }
        return ids
    }

    /// The people of `ids` as scoring sees them, loaded from the database the first time.
    private func knownPeople(ids: Set<Int64>, in db: Database) throws -> [MatchScorer.Known] {
        let missing = ids.filter { known[$0] == nil }
        if !missing.isEmpty {
            for person in try AppDatabase.knownPeople(ids: Array(missing), in: db) {
                known[person.person.id!] = person
            }
        }
        return ids.compactMap { known[$0] }
    }

    // MARK: - Keeping the image true

    /// A person the batch has just made, with the emails and phones (normalised) it stored
    /// for them. Their `name` keys are the ones `createPerson` stores.
    public func noteCreated(_ person: Person, emails: [String], phones: [String]) {
        guard person.id != nil else { return }
        // Dates as a read gives them back (the stored form keeps milliseconds).
        var person = person
        person.createdAt = stored(person.createdAt)
        person.updatedAt = stored(person.updatedAt)
        add(MatchScorer.Known(person: person, name: PersonName(normalized: person.normalizedName, display: person.name),
                              emails: emails, phones: phones),
            nameKeys: Self.storedNameKeys(of: person))
    }

    /// Call before writing to a person of the book: makes sure what they had is known, so
    /// that `didChange` can take it out of the image.
    public func willChange(_ personId: Int64, in db: Database) throws {
        _ = try knownPeople(ids: [personId], in: db)
    }

    /// Call after writing to a person: reloads them (person row, emails, phones, name keys).
    public func didChange(_ personId: Int64, in db: Database) throws {
        if let old = known[personId] { remove(old) }
        known[personId] = nil
        guard let person = try AppDatabase.knownPeople(ids: [personId], in: db).first else { return }
        let keys = try String.fetchAll(db.cachedStatement(sql: "SELECT key FROM personKey WHERE kind = ? AND personId = ?"),
                                       arguments: [PersonKeys.name, personId])
        add(person, nameKeys: keys)
    }

    /// `date` through its stored form, the last one remembered (a batch has one date).
    private func stored(_ date: Date) -> Date {
        if let last = lastStored, last.date == date { return last.stored }
        let value = Date.fromDatabaseValue(StoredDate.value(of: date)) ?? date
        lastStored = (date, value)
        return value
    }

    private var lastStored: (date: Date, stored: Date)?

    /// The `name` keys `createPerson` (and `syncKeys`) store for a person.
    static func storedNameKeys(of person: Person) -> [String] {
        guard !person.normalizedName.isEmpty,
              let name = PersonName(normalized: person.normalizedName, display: person.name) else { return [] }
        return PersonKeys.keys(for: name).compactMap { $0.kind == PersonKeys.name ? $0.key : nil }
    }

    private func add(_ person: MatchScorer.Known, nameKeys: [String]) {
        let id = person.person.id!
        known[id] = person
        names[id] = (person.person.name, person.person.normalizedName)
        // `insert` ignores an id already listed: repeated keys need no de-duplication here.
        for email in person.emails { Self.insert(id, into: &byEmail[email, default: []]) }
        for phone in person.phones { Self.insert(id, into: &byPhone[phone, default: []]) }
        if let key = person.person.linkedinKey { Self.insert(id, into: &byLinkedin[key, default: []]) }
        var keys: [String] = []
        for key in nameKeys where !keys.contains(key) {
            keys.append(key)
            Self.insert(id, into: &byNameKey[key, default: []])
        }
        nameKeysOf[id] = keys
    }

    private func remove(_ person: MatchScorer.Known) {
        let id = person.person.id!
        for email in person.emails { Self.remove(id, from: &byEmail, at: email) }
        for phone in person.phones { Self.remove(id, from: &byPhone, at: phone) }
        if let key = person.person.linkedinKey { Self.remove(id, from: &byLinkedin, at: key) }
        for key in nameKeysOf[id] ?? [] { Self.remove(id, from: &byNameKey, at: key) }
        nameKeysOf[id] = nil
        names[id] = nil
    }

    /// Inserts `id` keeping the list ascending (a new person's id is the largest: appended).
    private static func insert(_ id: Int64, into list: inout [Int64]) {
        if let last = list.last, last >= id {
            guard last != id, !list.contains(id) else { return }
            list.insert(id, at: list.firstIndex { $0 > id } ?? list.endIndex)
        } else {
            list.append(id)
        }
    }

    private static func remove(_ id: Int64, from map: inout [String: [Int64]], at key: String) {
        guard var list = map[key] else { return }
        list.removeAll { $0 == id }
        map[key] = list.isEmpty ? nil : list
    }

    // MARK: - For tests

    /// The image as comparable values: each key table as (key, ascending ids), and the names.
    /// A test compares the image kept up during a batch with one loaded afresh.
    public var snapshot: Snapshot {
        Snapshot(emails: byEmail.mapValues { $0.sorted() }, phones: byPhone.mapValues { $0.sorted() },
                 linkedin: byLinkedin.mapValues { $0.sorted() }, nameKeys: byNameKey,
                 names: names.mapValues { [$0.display, $0.normalized] })
    }

    /// See `snapshot`.
    public struct Snapshot: Equatable, Sendable {
        public var emails: [String: [Int64]]
        public var phones: [String: [Int64]]
        public var linkedin: [String: [Int64]]
        public var nameKeys: [String: [Int64]]
        public var names: [Int64: [String]]
    }
}
