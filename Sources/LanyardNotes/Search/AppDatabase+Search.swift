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
    /// Inside a tier, bm25 with the column weights orders them.
    static let searchTiers: [[String]?] = [
        ["name", "aliases"],
        ["name", "aliases", "company", "title", "tags"],
        nil,
    ]

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
        guard let pattern = SearchQuery.matchExpression(query.text) else {
            throw NotesError.emptyQuery(query.text)
        }
        // Filters use +rowid so SQLite checks them row by row: as an index constraint, each
        // tagged person would re-run the MATCH (and its prefix merges) once.
        var filters = ""
        var filterArguments: StatementArguments = []
        if let tag = query.tag {
            filters += " AND +rowid IN (SELECT personId FROM tag WHERE tag = ?)"
            filterArguments += [KebabName.make(tag)]
        }
        if let slug = query.eventSlug {
            guard let eventId = try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE slug = ?", arguments: [slug]) else {
                throw NotesError.unknownEvent(slug)
            }
            filters += " AND +rowid IN (SELECT personId FROM meeting WHERE eventId = ?)"
            filterArguments += [eventId]
        }
        let limit = max(1, query.limit)
        let weights = searchColumns.map { String($0.weight) }.joined(separator: ", ")

        // Tier by tier. FTS5 walks its doclists newest row first and stops at the LIMIT, so a
        // probe is cheap; bm25 (whose statistics cost a pass over each word's doclist) only
        // ranks a tier that has at most `candidatesPerTier` people. A larger tier (a word in
        // most notes) lists its most recently added people first.
        let cap = max(limit, candidatesPerTier)
        var ranked: [(id: Int64, score: Double?)] = []
        for columns in searchTiers where ranked.count < limit {
            guard let tierPattern = SearchQuery.matchExpression(query.text, columns: columns) else { continue }
            let taken = ranked.isEmpty ? "" : " AND rowid NOT IN (\(ranked.map { String($0.id) }.joined(separator: ",")))"
            let arguments: StatementArguments = [tierPattern] + filterArguments + [cap + 1]
            let tail = "FROM personSearch WHERE personSearch MATCH ?\(filters)\(taken) ORDER BY rowid DESC LIMIT ?"
            let probe = try Int64.fetchAll(db, sql: "SELECT rowid \(tail)", arguments: arguments)
            let tier: [(id: Int64, score: Double?)]
            if probe.isEmpty { continue }
            if probe.count <= cap {
                tier = try Row.fetchAll(db, sql: "SELECT rowid, bm25(personSearch, \(weights)) AS score \(tail)", arguments: arguments)
                    .map { (id: $0["rowid"] as Int64, score: $0["score"] as Double) }
                    .sorted { ($0.score, $0.id) < ($1.score, $1.id) }
                    .map { (id: $0.id, score: Optional($0.score)) }
            } else {
                tier = probe.map { (id: $0, score: nil) }
            }
            ranked += tier.prefix(limit - ranked.count)
        }
        guard !ranked.isEmpty else { return [] }

        let people = try Dictionary(uniqueKeysWithValues: Person.filter(ids: ranked.map(\.id)).fetchAll(db).map { ($0.id!, $0) })
        // One pass for every snippet: a rowid range lets FTS5 run the query once (a prefix
        // word costs a doclist merge per run); the unary + keeps IN from splitting it into runs.
        let ids = ranked.map(\.id)
        let snippets = (0..<searchColumns.count)
            .map { "snippet(personSearch, \($0), char(1), char(2), '…', 10)" }
            .joined(separator: ", ")
        let excerpts = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT rowid, \(snippets) FROM personSearch
            WHERE personSearch MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (\(ids.map(String.init).joined(separator: ",")))
            """, arguments: [pattern, ids.min()!, ids.max()!]).map { ($0["rowid"] as Int64, $0) })
        return ranked.compactMap { hit in
            guard let person = people[hit.id], let row = excerpts[hit.id] else { return nil }
            let (field, snippet) = bestSnippet(row, person: person)
            return SearchHit(
                personId: hit.id, name: person.name, company: person.company, title: person.title,
                matchedField: field, snippet: snippet, score: hit.score)
        }
    }

    /// The excerpt with the most matched words (ties go to the weightier column), with its
    /// markers turned into brackets. A match on the normalised name shows the name itself.
    private static func bestSnippet(_ row: Row, person: Person) -> (String, String) {
        var best: (index: Int, marks: Int)?
        for index in searchColumns.indices {
            let text: String = row[index + 1] ?? ""
            let marks = text.reduce(0) { $0 + ($1 == "\u{1}" ? 1 : 0) }
            if marks > 0, marks > (best?.marks ?? 0) { best = (index, marks) }
        }
        guard let best else { return ("name", person.name) }
        let column = searchColumns[best.index]
        if column.column == "aliases" { return (column.field, person.name) }
        let text: String = row[best.index + 1] ?? ""
        return (column.field, text.replacingOccurrences(of: "\u{1}", with: "[").replacingOccurrences(of: "\u{2}", with: "]"))
    }
}
