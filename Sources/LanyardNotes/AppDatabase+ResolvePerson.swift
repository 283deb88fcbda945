import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    /// The person a user means by `reference`: an id, or a name (accent- and case-insensitive,
    /// each word a prefix) that only one person has. Otherwise `NotesError.unknownPerson`, or
    /// `.ambiguousPerson` listing the candidates.
    public func resolvePerson(_ reference: String) throws -> Person {
        try reader.read { db in try Self.resolvePerson(reference, in: db) }
    }

    /// The resolution inside a transaction, so that a write can use it.
    public static func resolvePerson(_ reference: String, in db: Database) throws -> Person {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let id = Int64(trimmed), let person = try Person.fetchOne(db, id: id) else {
                throw NotesError.unknownPerson(reference)
            }
            return person
        }
        let words = SearchQuery.words(trimmed)
        guard !words.isEmpty else { throw NotesError.unknownPerson(reference) }
        let terms = try SearchTerms(db)
        var wholeWords: [String] = []
        var prefixes: [String] = []
        for word in words {
            guard let whole = try terms.expression(for: word, prefix: false), let prefix = try terms.expression(for: word) else {
                throw NotesError.unknownPerson(reference)
            }
            wholeWords.append(whole)
            prefixes.append(prefix)
        }
        let nameColumns = ["name", "aliases"]
        let wordPattern = SearchTerms.pattern(wholeWords, columns: nameColumns)
        let prefixPattern = SearchTerms.pattern(prefixes, columns: nameColumns)

        // A full name said exactly wins over longer names that start the same way.
        let folded = fold(trimmed)
        let exact = try people(matching: wordPattern, limit: 50, in: db).filter {
            fold($0.name) == folded || fold($0.normalizedName) == folded
        }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { throw NotesError.ambiguousPerson(reference, candidates: exact.map(candidate)) }

        let matches = try people(matching: prefixPattern, limit: candidateListLimit, in: db)
        switch matches.count {
        case 0: throw NotesError.unknownPerson(reference)
        case 1: return matches[0]
        default: throw NotesError.ambiguousPerson(reference, candidates: matches.map(candidate))
        }
    }

    /// The most candidates an ambiguous name lists.
    static let candidateListLimit = 10

    private static func people(matching pattern: String, limit: Int, in db: Database) throws -> [Person] {
        try Person.fetchAll(db, sql: """
            SELECT person.* FROM person
            WHERE id IN (SELECT rowid FROM personSearch WHERE personSearch MATCH ? LIMIT ?)
            ORDER BY sortName, id
            """, arguments: [pattern, limit])
    }

    private static func fold(_ text: String) -> String {
        SearchQuery.words(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")))
            .joined(separator: " ")
    }

    private static func candidate(_ person: Person) -> PersonCandidate {
        PersonCandidate(id: person.id ?? 0, name: person.name, company: person.company)
    }
}
