import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    /// The search index columns, in schema order, with the name shown for a match in each
    /// and its bm25 weight: a name match outranks a company, title, tag, fact, place or note.
    static let searchColumns: [(column: String, field: String, weight: Double)] = [
        ("name", "name", 10), ("aliases", "name", 10), ("company", "company", 5), ("title", "title", 4),
        ("tags", "tags", 3), ("facts", "facts", 2), ("places", "met_at", 2), ("notes", "notes", 1),
    ]

    /// Ranking tiers: people whose words all match in their name come first, then those
    /// matching in who they are (company, title, tags), then anywhere (facts, where met, notes).
    /// Inside a tier, bm25 with the column weights orders them. `shown` are the columns a hit
    /// of the tier takes its snippet from: what put it in this tier rather than the one above
    /// (a name-tier hit shows the name itself).
    static let searchTiers: [(columns: [String]?, shown: [String])] = [
        (["name", "aliases"], []),
        (["name", "aliases", "company", "title", "tags"], ["company", "title", "tags"]),
        (nil, ["facts", "places", "notes"]),
    ]

    /// An FTS5 index of people, whose columns are the first `columnCount` of `searchColumns`.
    struct SearchIndex {
        var table: String
        var columnCount: Int

        /// The column weights, as bm25's arguments.
        var weights: String { searchColumns.prefix(columnCount).map { String($0.weight) }.joined(separator: ", ") }

        /// True when the index has every column of `columns` (nil: all of the whole index's).
        func holds(_ columns: [String]?) -> Bool {
            let own = searchColumns.prefix(columnCount).map(\.column)
            return (columns ?? searchColumns.map(\.column)).allSatisfy(own.contains)
        }

        /// Every expression required inside `columns`; no column filter where they are all of
        /// the index's columns.
        func pattern(_ expressions: [String], columns: [String]?) -> String {
            SearchTerms.pattern(expressions, columns: columns?.count == columnCount ? nil : columns)
        }
    }

    /// Everything (migration "v2-person-search").
    static let wholeIndex = SearchIndex(table: "personSearch", columnCount: 8)
    /// Who a person is: name, aliases, company, title, tags (migration "v6-person-card-search"),
    /// which the first two tiers read unless an event filter must narrow the walk in the whole one.
    static let cardIndex = SearchIndex(table: "personCardSearch", columnCount: 5)

    /// The most people one tier ranks by bm25: when more match (a word most notes contain),
    /// the tier lists the most recently added first, which keeps every search bounded.
    static let candidatesPerTier = 200

    /// People matching every word of the query (each as a prefix, accent- and case-insensitive),
    /// best first, with a snippet of where they matched.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        try reader.read { db in try Self.search(query, in: db) }
    }

    /// The search inside a read.
    public static func search(_ query: SearchQuery, in db: Database) throws -> [SearchHit] {
        let words = SearchQuery.words(query.text)
        guard !words.isEmpty else { throw NotesError.emptyQuery(query.text) }
        let terms = try SearchTerms(db)

        // A filter is two conditions: words the index holds for everyone it keeps (the tag in
        // `tags`, a word of the event's name in `places`), which FTS5 intersects with the query
        // as it walks, and the exact check, made only on the rows that walk yields. (`+eventId`
        // keeps SQLite from reading every meeting of the event for each row; `$index` stands for
        // the index table the tier reads.)
        var filterPhrases: [String] = []
        var filtersByPlace = false
        var filters = ""
        var filterArguments: StatementArguments = []
        if let tag = query.tag {
            let name = KebabName.make(tag)
            if let phrase = try terms.phrase(name, in: "tags") { filterPhrases.append(phrase) }
            filters += " AND EXISTS (SELECT 1 FROM tag WHERE tag.personId = $index.rowid AND tag.tag = ?)"
            filterArguments += [name]
        }
        if let slug = query.eventSlug {
            guard let event = try Event.filter(Event.Columns.slug == slug).fetchOne(db) else {
                throw NotesError.unknownEvent(slug)
            }
            if let word = try distinctiveWord(of: event, terms: terms, in: db) {
                filterPhrases.append("{places}: " + SearchTerms.quoted(word))
                filtersByPlace = true
            }
            filters += " AND EXISTS (SELECT 1 FROM meeting WHERE meeting.personId = $index.rowid AND +meeting.eventId = ?)"
            filterArguments += [event.id]
        }

        let expressions = try words.map { try terms.expression(for: $0) }
        let limit = max(1, query.limit)
        let open = try openTiers(expressions, in: db)
        let indexes = searchTiers.map { cardIndex.holds($0.columns) && !filtersByPlace ? cardIndex : wholeIndex }

        // Tier by tier. FTS5 walks its doclists newest row first and stops at the LIMIT, so a
        // probe is cheap; bm25 (whose statistics cost a pass over each word's doclist) only
        // ranks a tier that has at most `candidatesPerTier` people. A larger tier (a word in
        // most notes) lists its most recently added people first. Lists go in as one JSON
        // argument, so that each statement has one shape and is prepared once. A tier reads the
        // smallest index that holds its columns.
        let cap = max(limit, candidatesPerTier)
        var ranked: [(id: Int64, score: Double?, tier: Int)] = []
        for (tier, columns) in searchTiers.map(\.columns).enumerated() where ranked.count < limit && open[tier] {
            let index = indexes[tier]
            let pattern = index.pattern(expressions, columns: columns)
            let taken = ranked.isEmpty ? "" : " AND rowid NOT IN (SELECT value FROM json_each(?))"
            let probe = try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT rowid FROM \(index.table) WHERE \(index.table) MATCH ?\(filters.replacingOccurrences(of: "$index", with: index.table))\(taken)
                ORDER BY rowid DESC LIMIT ?
                """), arguments: [([pattern] + filterPhrases).joined(separator: " AND ")] + filterArguments
                    + (ranked.isEmpty ? [] : [jsonList(ranked.map(\.id))]) + [cap + 1])
            if probe.isEmpty { continue }
            let found = probe.count <= cap
                ? try rank(probe, pattern: pattern, index: index, in: db)
                : probe.map { (id: $0, score: Double?.none) }
            ranked += found.prefix(limit - ranked.count).map { (id: $0.id, score: $0.score, tier: tier) }
        }
        guard !ranked.isEmpty else { return [] }

        let people = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
            db.cachedStatement(sql: "SELECT id, name, company, title FROM person WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [jsonList(ranked.map(\.id))]).map { ($0["id"] as Int64, $0) })
        var snippets: [Int64: (field: String, snippet: String)] = [:]
        for tier in Set(ranked.map(\.tier)) {
            let ids = ranked.filter { $0.tier == tier }.map(\.id)
            try snippets.merge(bestSnippets(ids: ids, tier: tier, index: indexes[tier], expressions: expressions, in: db)) { $1 }
        }
        return ranked.compactMap { hit in
            guard let person = people[hit.id] else { return nil }
            let name: String = person["name"]
            let (field, snippet) = snippets[hit.id] ?? ("name", name)
            return SearchHit(
                personId: hit.id, name: name, company: person["company"], title: person["title"],
                matchedField: field, snippet: snippet, score: hit.score)
        }
    }

    /// Which tiers can have anyone at all: a tier needs every word inside its columns, so one
    /// word found nowhere there closes it (and the narrower tiers) before any combined query.
    /// Checking a word alone stops at its first match; a word only ever in notes reads its
    /// doclist once (where probing each tier read it once per tier). With a single word, the
    /// narrowest tier's check would be its probe over again, so the probe decides. The checks
    /// read the card index, which holds the columns of every tier that has them.
    private static func openTiers(_ expressions: [String], in db: Database) throws -> [Bool] {
        var open = searchTiers.map { _ in true }
        let exists = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(cardIndex.table) WHERE \(cardIndex.table) MATCH ?)")
        for tier in searchTiers.indices.reversed() where tier > 0 || expressions.count > 1 {
            guard let columns = searchTiers[tier].columns else { continue }
            for expression in expressions {
                if try Bool.fetchOne(exists, arguments: [cardIndex.pattern([expression], columns: columns)]) != true {
                    for narrower in 0...tier { open[narrower] = false }
                    return open
                }
            }
        }
        return open
    }

    /// The word of the event's name that the fewest events have in their name or city: the
    /// one that narrows the `places` column most ("tokyo" in "Tokyo Swift Days 2025"; the full
    /// phrase would make FTS5 check positions in the doclists of "swift", "days" and "2025").
    /// Everyone met at the event has each word of its name in `places`, so whichever word is
    /// chosen (LIKE only estimates: it folds ASCII case, not accents), no one is dropped.
    private static func distinctiveWord(of event: Event, terms: SearchTerms, in db: Database) throws -> String? {
        // Index words are letters and digits only: nothing in them is a LIKE wildcard.
        let count = try db.cachedStatement(sql: "SELECT count(*) FROM event WHERE name LIKE ?1 OR city LIKE ?1")
        var best: (word: String, events: Int)?
        for word in try terms.tokens(event.name) {
            let events = try Int.fetchOne(count, arguments: ["%\(word)%"]) ?? 0
            if events < (best?.events ?? .max) { best = (word, events) }
        }
        return best?.word
    }

    /// `ids` (the whole of a tier) best first by bm25 with the column weights, ties by id. The
    /// ids bound the walk (a rowid range, then each row checked), and the filters stay out of
    /// the pattern so that bm25 weighs the query's words only.
    private static func rank(_ ids: [Int64], pattern: String, index: SearchIndex, in db: Database) throws -> [(id: Int64, score: Double?)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT rowid, bm25(\(index.table), \(index.weights)) AS score FROM \(index.table)
            WHERE \(index.table) MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))
            """), arguments: [pattern, ids.min()!, ids.max()!, jsonList(ids)])
            .map { (id: $0["rowid"] as Int64, score: $0["score"] as Double) }
            .sorted { ($0.score, $0.id) < ($1.score, $1.id) }
            .map { (id: $0.id, score: Optional($0.score)) }
    }

    /// The snippets of one tier's hits, from the tier's `shown` column with the most matched
    /// words (ties go to the weightier column), markers turned into brackets; none for the
    /// name tier (the hit shows the name). One statement: the rowid range lets FTS5 run the
    /// query once over a few rows, and the unary + keeps IN from splitting it into one run per id.
    private static func bestSnippets(ids: [Int64], tier: Int, index searchIndex: SearchIndex, expressions: [String], in db: Database) throws -> [Int64: (field: String, snippet: String)] {
        let shown = searchTiers[tier].shown
        guard !shown.isEmpty else { return [:] }
        // Column numbers are the same in both indexes: the card index's are the first five.
        let indices = searchColumns.indices.filter { shown.contains(searchColumns[$0].column) }
        let table = searchIndex.table
        let calls = indices.map { "snippet(\(table), \($0), char(1), char(2), '…', 10)" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT rowid, \(calls) FROM \(table)
            WHERE \(table) MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (SELECT value FROM json_each(?))
            """), arguments: [searchIndex.pattern(expressions, columns: searchTiers[tier].columns), ids.min()!, ids.max()!, jsonList(ids)])
        var result: [Int64: (field: String, snippet: String)] = [:]
        for row in rows {
            var best: (index: Int, text: String, marks: Int)?
            for (position, index) in indices.enumerated() {
                let text: String = row[position + 1] ?? ""
                let marks = text.utf8.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
                if marks > (best?.marks ?? 0) { best = (index, text, marks) }
            }
            guard let best else { continue }
            let bracketed = best.text.utf8.map { $0 == 1 ? UInt8(ascii: "[") : $0 == 2 ? UInt8(ascii: "]") : $0 }
            result[row["rowid"]] = (searchColumns[best.index].field, String(decoding: bracketed, as: UTF8.self))
        }
        return result
    }

    /// Ids as a JSON array, for `json_each`.
    private static func jsonList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
