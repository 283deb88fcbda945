import GRDB
import LanyardStore

/// For a batch of contacts recognised one after another in one write transaction (an import):
/// which of the keys recognition looks up the book holds. Recognition finds people only
/// through those keys (a normalised email, phone or LinkedIn profile, a `personKey` name key),
/// so a contact holding none of them would find nobody, and is known new without a lookup.
/// A contact holding one is recognised as usual (`AppDatabase.recognize`), with every rule.
///
/// Built once for the batch, by looking up the batch's keys, or by reading all of the book's
/// when it holds fewer; then told of every person the batch writes (`noteWrites`,
/// `noteNewPerson`), whose keys later contacts of the batch may find.
public struct RecognitionPrefilter: Sendable {
    /// Keys held (tagged by kind: `Kind`): those of the batch's lookups the book held, or all of
    /// the book's, and those the batch wrote.
    private(set) var held: Set<String> = []
    /// The tagged keys each contact of the batch looks up, in the batch's order.
    private let lookups: [[String]]

    /// The kinds of key, as the first character of a tagged key.
    enum Kind: Character {
        case email = "e", phone = "p", linkedin = "l", name = "n"
    }

    /// The book's keys that `queries` (the batch, in order) look up, read in `db`.
    public init(_ queries: [ContactQuery], in db: Database) throws {
        try self.init(queries, readingAll: nil, in: db)
    }

    /// `readingAll`: read every key of the book (true) or look the batch's up (false); nil
    /// chooses whichever reads fewer.
    init(_ queries: [ContactQuery], readingAll: Bool?, in db: Database) throws {
        lookups = queries.concurrentMap { query in
            var keys: [String] = []
            Self.forEachKey(of: query) { kind, key in keys.append(Self.tagged(kind, key)) }
            return keys
        }
        // Lookups, repeats included: a bound on the distinct keys, known without hashing them.
        let lookupCount = lookups.reduce(0) { $0 + $1.count }
        guard lookupCount > 0 else { return }
        // The batch's new people are noted as they are made, about as many keys as it looks
        // up: room for them at once rather than a set grown (and rehashed) step by step.
        held.reserveCapacity(lookupCount)
        let bookCount = try Int.fetchOne(db, sql: """
            SELECT (SELECT count(*) FROM personKey WHERE kind = ?) + (SELECT count(*) FROM personEmail)
                + (SELECT count(*) FROM personPhone) + (SELECT count(*) FROM person WHERE linkedinKey IS NOT NULL)
            """, arguments: [PersonKeys.name]) ?? 0
        guard bookCount > 0 else { return }
        if readingAll ?? (bookCount <= lookupCount) {
            // Fewer keys in the book than lookups in the batch (an import into a small book):
            // hold them all.
            let all = try String.fetchCursor(db, sql: """
                SELECT 'n' || key FROM personKey WHERE kind = ?
                UNION ALL SELECT 'e' || normalized FROM personEmail
                UNION ALL SELECT 'p' || normalized FROM personPhone
                UNION ALL SELECT 'l' || linkedinKey FROM person WHERE linkedinKey IS NOT NULL
                """, arguments: [PersonKeys.name])
            held.reserveCapacity(bookCount + lookupCount)
            while let tagged = try all.next() { held.insert(tagged) }
            return
        }
        var wanted: [Kind: Set<String>] = [:]
        for keys in lookups {
            for tagged in keys { wanted[Kind(rawValue: tagged.first!)!, default: []].insert(String(tagged.dropFirst())) }
        }
        // Each key the batch looks up, through the index recognition reads.
        let probes: [Kind: String] = [
            .email: "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM personEmail WHERE normalized = value)",
            .phone: "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM personPhone WHERE normalized = value)",
            .linkedin: "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM person WHERE linkedinKey = value)",
            .name: "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM personKey WHERE kind = '\(PersonKeys.name)' AND key = value)",
        ]
        for (kind, keys) in wanted where !keys.isEmpty {
            let found = try String.fetchCursor(db, sql: probes[kind]!, arguments: [JSONBytes.stringArray(keys)])
            while let key = try found.next() { held.insert(Self.tagged(kind, key)) }
        }
    }

    /// False when the book holds none of the keys recognition would look up for the batch's
    /// contact at `index`: `recognize` would find no match and no candidate for it.
    public func mayFindAnyone(_ index: Int) -> Bool {
        lookups[index].contains(where: held.contains)
    }

    /// Takes in the keys `personId` holds now: call after the batch wrote to them.
    public mutating func noteWrites(to personId: Int64, in db: Database) throws {
        let keys = try String.fetchCursor(db.cachedStatement(sql: """
            SELECT 'n' || key FROM personKey WHERE personId = ?1 AND kind = ?2
            UNION ALL SELECT 'e' || normalized FROM personEmail WHERE personId = ?1
            UNION ALL SELECT 'p' || normalized FROM personPhone WHERE personId = ?1
            UNION ALL SELECT 'l' || linkedinKey FROM person WHERE id = ?1 AND linkedinKey IS NOT NULL
            """), arguments: [personId, PersonKeys.name])
        while let tagged = try keys.next() { held.insert(tagged) }
    }

    /// Takes in the keys of a person `createPerson(from:query:at:noting:in:)` just made from a
    /// contact reduced to `query`, as it stored them, without reading them back: its name keys
    /// (`nameKeys`, the `personKey` rows it wrote), the query's normalised emails and phones (a
    /// new person is stored with exactly those) and its LinkedIn key.
    mutating func noteNewPerson(_ person: Person, nameKeys: Set<PersonKeyValue>, query: ContactQuery) {
        for key in nameKeys where key.kind == PersonKeys.name {
            held.insert(Self.tagged(.name, key.key))
        }
        for email in query.emails { held.insert(Self.tagged(.email, email)) }
        for phone in query.phones { held.insert(Self.tagged(.phone, phone)) }
        if let key = person.linkedinKey { held.insert(Self.tagged(.linkedin, key)) }
    }

    /// Every key recognition looks up for `query` (`identifierMatches`, and `nameMatches`
    /// with and without Soundex).
    static func forEachKey(of query: ContactQuery, _ body: (Kind, String) -> Void) {
        for email in query.emails { body(.email, email) }
        for phone in query.phones { body(.phone, phone) }
        if let key = query.linkedinKey { body(.linkedin, key) }
        if let name = query.name {
            for key in PersonKeys.lookupKeys(for: name, phonetic: false) { body(.name, key) }
            for key in PersonKeys.lookupKeys(for: name, phonetic: true) { body(.name, key) }
        }
    }

    static func tagged(_ kind: Kind, _ key: String) -> String {
        String(kind.rawValue) + key
    }
}
