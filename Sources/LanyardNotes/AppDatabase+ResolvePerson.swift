import Foundation
import GRDB
import LanyardEvents
import LanyardStore

extension AppDatabase {
    /// The person a user means by `reference`: an id, or a name (accent- and case-insensitive,
    /// each word a prefix or a nickname of the name's word: "Liz" finds Elizabeth) that only one
    /// person has. Otherwise `NotesError.unknownPerson`, or `.ambiguousPerson` listing the candidates.
    public func resolvePerson(_ reference: String) throws -> Person {
        try reader.read { db in try Self.resolvePerson(reference, in: db) }
    }

    /// The resolution inside a transaction, so that a write can use it.
    public static func resolvePerson(_ reference: String, in db: Database) throws -> Person {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if NotesError.isPersonId(trimmed) {
            guard let id = Int64(trimmed), let person = try Person.fetchOne(db, id: id) else {
                throw NotesError.unknownPerson(trimmed)
            }
            return person
        }
        let words = SearchQuery.words(trimmed)
        guard !words.isEmpty else { throw NotesError.unknownPerson(reference) }

        // Each word as typed, or one of its nicknames as a whole word (the check-in's table).
        let nicknames = NicknameTable.shared
        let terms = try SearchTerms(db)
        let nameColumns = ["name", "aliases"]
        var wholeWords: [String] = []
        var prefixes: [String] = []
        for word in words {
            let equivalents = nicknames.equivalents(of: TextFolding.fold(word)).sorted()
            wholeWords.append(try terms.expression(for: word, prefix: false, alternatives: equivalents))
            prefixes.append(try terms.expression(for: word, alternatives: equivalents))
        }

        // A full name said exactly wins over longer names that start the same way; then a full
        // name with nicknames for some of its words ("Liz Moreau" for Elizabeth Moreau).
        let typed = fold(trimmed)
        let named = try people(matching: SearchTerms.pattern(wholeWords, columns: nameColumns), limit: 50, in: db)
        let exact = named.filter { person in names(of: person).contains(typed) }
        let nicknamed = named.filter { person in
            names(of: person).contains { name in
                name.count == typed.count && zip(name, typed).allSatisfy { $0 == $1 || nicknames.areNicknames($0, $1) }
            }
        }
        for found in [exact, nicknamed] {
            if found.count == 1 { return found[0] }
            if found.count > 1 { throw NotesError.ambiguousPerson(reference, candidates: found.map(candidate)) }
        }

        let matches = try people(matching: SearchTerms.pattern(prefixes, columns: nameColumns), limit: candidateListLimit, in: db)
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

    /// The words of a person's name and of its normalised form, folded as the index folds them.
    private static func names(of person: Person) -> [[String]] {
        [fold(person.name), fold(person.normalizedName)]
    }

    private static func fold(_ text: String) -> [String] {
        SearchQuery.words(text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")))
    }

    private static func candidate(_ person: Person) -> PersonCandidate {
        PersonCandidate(id: person.id ?? 0, name: person.name, company: person.company)
    }
}
