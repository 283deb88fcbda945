import Foundation
import GRDB

/// Query words spelled for the `personSearch` FTS5 index. Each word is folded by the index's own
/// tokenizer; a prefix longer than the index's prefix lengths is expanded into the indexed words
/// that start with it, read from the index's vocabulary. (Given `"swift"*`, FTS5 copies and
/// merges the doclists of every such word before returning a single row, on every statement;
/// an OR of whole words is read lazily, newest row first, and stops at the LIMIT.)
struct SearchTerms {
    /// The tokenizer `personSearch` was created with (migration "v2-person-search").
    static let tokenizer: FTS5TokenizerDescriptor = .unicode61(diacritics: .remove)
    /// The longest prefix the index keeps a prefix index for (`prefix = [2, 3, 4]`): such a
    /// prefix is one doclist, read lazily.
    static let longestIndexedPrefix = 4
    /// The most indexed words a prefix expands into; past that, FTS5 merges them itself.
    static let maxExpansions = 24

    private let db: Database
    private let tokenizer: any FTS5Tokenizer
    /// False when the vocabulary table could not be made: prefixes are then left to FTS5.
    private let hasVocabulary: Bool

    /// Prepares the connection: the vocabulary is a temporary fts5vocab table of this
    /// connection, created once. The database file is not touched, so a read-only connection
    /// can make it too; one in `query_only` mode cannot, and searches without it.
    init(_ db: Database) throws {
        self.db = db
        tokenizer = try db.makeTokenizer(Self.tokenizer)
        let exists = try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE name = 'personSearchTerms')
            """)) ?? false
        if exists {
            hasVocabulary = true
        } else {
            hasVocabulary = (try? db.execute(sql: "CREATE VIRTUAL TABLE temp.personSearchTerms USING fts5vocab(main, personSearch, instance)")) != nil
        }
    }

    /// `word` as an FTS5 expression: a whole word (`"b"`, or any word when `prefix` is false), an
    /// indexed prefix (`"nak"*`), or the words a longer prefix stands for (`("swift" OR "swiftui")`),
    /// each `alternatives` (whole words, e.g. nicknames) ORed in.
    func expression(for word: String, prefix: Bool = true, alternatives: [String] = []) throws -> String {
        var choices = [try ownExpression(for: word, prefix: prefix)]
        for alternative in alternatives {
            let tokens = try tokenizer.tokenize(query: alternative).map(\.token)
            guard !tokens.isEmpty else { continue }
            let phrase = Self.quoted(tokens.joined(separator: " "))
            if !choices.contains(phrase) { choices.append(phrase) }
        }
        return choices.count == 1 ? choices[0] : "(" + choices.joined(separator: " OR ") + ")"
    }

    /// The words of `text` as the index folds them.
    func tokens(_ text: String) throws -> [String] {
        try tokenizer.tokenize(query: text).map(\.token)
    }

    /// `text` as one FTS5 phrase inside `column` (its words in order, as the index folds them);
    /// nil when it has no word.
    func phrase(_ text: String, in column: String) throws -> String? {
        let tokens = try tokens(text)
        guard !tokens.isEmpty else { return nil }
        return "{\(column)}: " + Self.quoted(tokens.joined(separator: " "))
    }

    private func ownExpression(for word: String, prefix: Bool) throws -> String {
        let tokens = try tokenizer.tokenize(query: word).map(\.token)
        guard tokens.count == 1, let token = tokens.first else {
            // Letters the tokenizer splits or drops: FTS5 reads the word as a phrase itself.
            return Self.quoted(word) + (prefix && word.count > 1 ? "*" : "")
        }
        let length = token.unicodeScalars.count
        // A one-letter word is an initial ("Anna B"): whole one-letter words only.
        guard prefix, length > 1 else { return Self.quoted(token) }
        if length <= Self.longestIndexedPrefix || !hasVocabulary { return Self.quoted(token) + "*" }

        // The word itself (matching nothing if no one has it), then the longer indexed words that
        // start with it, one at a time: each step reads where the next word begins, never a
        // doclist. A complete word costs one step.
        var words = [token]
        var from = token + "\u{1}" // the first string after `token`: no indexed word holds a control character
        let next = try db.cachedStatement(sql: "SELECT term FROM temp.personSearchTerms WHERE term >= ? LIMIT 1")
        while let term = try String.fetchOne(next, arguments: [from]), term.utf8.starts(with: token.utf8) {
            if words.count > Self.maxExpansions { return Self.quoted(token) + "*" }
            words.append(term)
            from = term + "\u{1}"
        }
        return words.count == 1 ? Self.quoted(token) : "(" + words.map(Self.quoted).joined(separator: " OR ") + ")"
    }

    /// Every expression required, each inside `columns` when given.
    static func pattern(_ expressions: [String], columns: [String]?) -> String {
        let filter = columns.map { "{" + $0.joined(separator: " ") + "}: " } ?? ""
        return expressions.map { filter + $0 }.joined(separator: " AND ")
    }

    /// A string as an FTS5 phrase: quoted, inner quotes doubled, so no input is FTS5 syntax.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
