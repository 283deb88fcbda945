import Foundation
import LanyardFormats

/// A person's name taken apart for matching: folded tokens (titles dropped), the given name,
/// the other names, middle initials, and a generational suffix (Jr., Sr., III) kept apart
/// because it tells two people apart.
public struct PersonName: Sendable, Equatable {
    /// The name to show: "Liz Moreau" (a "Moreau, Liz" input is turned around).
    public var display: String
    /// "Moreau, Liz": the key lists are ordered by.
    public var sortName: String {
        if let familyHint, !familyHint.isEmpty {
            let rest = Self.removingAll(familyHint, from: display).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return rest.isEmpty ? familyHint : "\(familyHint), \(rest)"
        }
        return Self.sortName(display: display)
    }
    /// The family name as the input marked it ("Moreau" in "Moreau, Liz" or a card's N).
    var familyHint: String?
    /// The given name, folded ("liz"); nil when every word was an initial.
    public var given: String?
    /// The other names, folded, in order ("moreau"; "garcia", "lopez").
    public var others: [String]
    /// Single-letter words (middle initials).
    public var initials: [String]
    /// "jr", "sr", "ii", "iii", "iv" when given.
    public var generation: String?

    /// The folded words, given name first, initials in place, generation last: what
    /// `Person.normalizedName` stores.
    public var normalized: String {
        ([given].compactMap { $0 } + initials + others + [generation].compactMap { $0 }).joined(separator: " ")
    }

    /// The words that carry the name (given and others, no initials).
    public var coreTokens: [String] { [given].compactMap { $0 } + others }

    /// Titles dropped before the name ("Dr.", "Mr.", "Prof.").
    static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev", "herr", "frau", "mme", "mlle", "m", "ing"]
    /// Suffixes that tell relatives apart.
    static let generations: [String: String] = ["jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii", "iv": "iv"]
    /// Suffixes dropped after the name (degrees, honours).
    static let degrees: Set<String> = ["phd", "md", "dds", "esq", "mba", "cpa", "msc", "bsc", "ba", "ma", "jd", "dphil", "pe", "rn", "obe", "mbe", "cbe"]

    /// Parses a name as typed: "Dr. Liz Moreau", "Moreau, Liz", "Liz Moreau Jr.", "José Müller".
    /// Nil when nothing name-like is left.
    public init?(_ text: String) {
        let trimmed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !trimmed.isEmpty else { return nil }
        var display = trimmed
        var familyFirst: (family: String, rest: String)?
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: true).map { $0.trimmingWhitespace(.whitespaces) }
        if parts.count >= 2 {
            let tail = parts.dropFirst()
            let tailIsSuffixes = tail.allSatisfy { part in
                TextFolding.words(part).allSatisfy { Self.generations[$0] != nil || Self.degrees.contains($0) || Self.titles.contains($0) }
            }
            if !tailIsSuffixes {
                familyFirst = (parts[0], parts[1])
                let suffixes = parts.dropFirst(2)
                display = ([parts[1], parts[0]] + suffixes).joined(separator: " ")
            }
        }
        let ordered: [String]
        if let familyFirst {
            ordered = TextFolding.words(familyFirst.rest + " " + familyFirst.family + " " + parts.dropFirst(2).joined(separator: " "))
        } else {
            ordered = TextFolding.words(trimmed)
        }
        self.init(words: ordered, display: display, familyHint: familyFirst?.family)
    }

    /// Builds a name from a card's structured parts (vCard N, MECARD N), falling back to its
    /// formatted name.
    public init?(card: ContactCard) {
        let given = [card.givenName, card.middleName].compactMap { $0 }.joined(separator: " ")
        let family = card.familyName ?? ""
        if !given.trimmingWhitespace(.whitespaces).isEmpty || !family.trimmingWhitespace(.whitespaces).isEmpty {
            let words = TextFolding.words([card.prefix, given, family, card.suffix].compactMap { $0 }.joined(separator: " "))
            var display = [given, family, card.suffix ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
            if let formatted = card.fullName?.trimmingWhitespace(.whitespaces), !formatted.isEmpty, !formatted.utf8.contains(UInt8(ascii: ",")) {
                display = formatted
            }
            self.init(words: words, display: display, familyHint: family.isEmpty ? nil : family)
        } else if let formatted = card.fullName {
            self.init(formatted)
        } else {
            return nil
        }
    }

    /// Rebuilds a name from `Person.normalizedName` (fast: no folding).
    public init?(normalized: String, display: String) {
        self.init(words: normalized.split(separator: " ").map(String.init), display: display, familyHint: nil, folded: true)
    }

    private init?(words input: [String], display: String, familyHint: String?, folded: Bool = false) {
        var words = input
        if !folded {
            while words.count > 1, let first = words.first, Self.titles.contains(first) { words.removeFirst() }
        }
        var generation: String?
        while words.count > 1, let last = words.last {
            if let g = Self.generations[last] {
                generation = generation ?? g
                words.removeLast()
            } else if !folded, Self.degrees.contains(last) {
                words.removeLast()
            } else {
                break
            }
        }
        guard !words.isEmpty else { return nil }
        var given: String?
        var others: [String] = []
        var initials: [String] = []
        for word in words {
            if word.unicodeScalars.count == 1, words.count > 1 {
                initials.append(word)
            } else if given == nil {
                given = word
            } else {
                others.append(word)
            }
        }
        if given == nil, let first = initials.first {
            given = first
            initials.removeFirst()
        }
        self.display = display
        self.given = given
        self.others = others
        self.initials = initials
        self.generation = generation
        self.familyHint = familyHint
    }

    /// `text` without any occurrence of `part` (as whole characters: "u\u{0308}" is "ü").
    /// ASCII on both sides, where characters are bytes, is compared byte by byte; the
    /// standard library's generic `replacing` cost 3 % of a LinkedIn import.
    static func removingAll(_ part: String, from text: String) -> String {
        guard !part.isEmpty, text.utf8.allSatisfy({ $0 < 0x80 }), part.utf8.allSatisfy({ $0 < 0x80 }) else {
            return part.isEmpty ? text : text.replacing(part, with: "")
        }
        let bytes = Array(text.utf8), pattern = Array(part.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + pattern.count <= bytes.count, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                index += pattern.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "Liz Moreau" → "Moreau, Liz"; titles and suffixes stay out of the family position.
    static func sortName(display: String) -> String {
        var words = display.split(whereSeparator: \.isWhitespace).map(String.init)
        var suffix: [String] = []
        while words.count > 2, let last = words.last, let folded = TextFolding.words(last).first,
              generations[folded] != nil || degrees.contains(folded) {
            suffix.insert(words.removeLast(), at: 0)
        }
        guard words.count >= 2, let family = words.last else { return display }
        let rest = (words.dropLast() + suffix).joined(separator: " ")
        return "\(family.trimmingCharacters(in: CharacterSet(charactersIn: ","))), \(rest)"
    }
}
