import Foundation

/// Reads vCards (2.1, 3.0 and 4.0) into `ContactCard`s: unfolding (with vCard 2.1
/// quoted-printable soft breaks), escaping, CHARSET, `itemN.` groups with X-ABLabel, TYPE
/// parameters. PHOTO, KEY, SOUND and unknown properties are skipped.
public enum VCardReader {
    /// One card of a file with where it starts, for import messages ("record 3, line 41").
    public struct Record: Sendable, Equatable {
        public var card: ContactCard
        /// The line of its BEGIN:VCARD (1-based).
        public var line: Int
        /// Its position in the file (1-based).
        public var number: Int
    }

    /// Parses every BEGIN:VCARD ... END:VCARD in `text`. Errors name the line.
    public static func parse(_ text: String) throws -> [ContactCard] {
        try records(text).map(\.card)
    }

    /// Parses every card of `text` with its line and record number. Errors name the line.
    public static func records(_ text: String) throws -> [Record] {
        let lines = ContentLines.unfold(prepare(text))
        var cards: [Record] = []
        var current: [(property: ContentLines.Property, line: Int)]?
        var beginLine = 0
        var nested = 0

        for line in lines {
            let parsed: ContentLines.Property?
            do {
                parsed = try ContentLines.property(line.text, line: line.number, format: "vCard")
            } catch {
                // Inside a card a stray line (a broken base64 block) is skipped; outside it is an error.
                if current != nil { continue }
                throw error
            }
            guard let property = parsed else { continue }
            if property.name == "BEGIN", property.value.uppercased() == "VCARD" {
                if current != nil {
                    nested += 1 // a vCard 2.1 AGENT: skip its content
                    continue
                }
                current = []
                beginLine = line.number
                continue
            }
            if property.name == "END", property.value.uppercased() == "VCARD" {
                if nested > 0 {
                    nested -= 1
                    continue
                }
                guard let properties = current else {
                    throw FormatError(format: "vCard", line: line.number, field: "END", message: "END:VCARD without BEGIN:VCARD")
                }
                cards.append(Record(card: card(from: properties), line: beginLine, number: cards.count + 1))
                current = nil
                continue
            }
            guard current != nil else {
                throw FormatError(format: "vCard", line: line.number, field: property.name, message: "property outside BEGIN:VCARD ... END:VCARD")
            }
            if nested == 0 { current!.append((property, line.number)) }
        }
        if current != nil {
            throw FormatError(format: "vCard", line: beginLine, field: "BEGIN", message: "BEGIN:VCARD without END:VCARD")
        }
        if cards.isEmpty {
            throw FormatError(format: "vCard", line: nil, field: nil, message: "no BEGIN:VCARD found")
        }
        return cards
    }

    // MARK: - Lines

    /// Joins vCard 2.1 quoted-printable soft line breaks (`=` at the end of a line) into
    /// folds, and treats CR CR LF as one line break, keeping the line count for messages.
    static func prepare(_ text: String) -> String {
        guard text.containsASCIICaseInsensitive("\r\r") || text.containsASCIICaseInsensitive("QUOTED-PRINTABLE") else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var qpProperty = false // the property being read is quoted-printable
        var softBreak = false // the previous line ended with a soft break
        var first = true
        let physical = text.replacingOccurrences(of: "\r\r\n", with: "\n")
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for raw in physical {
            var line = Substring(raw)
            let continues = softBreak
            if !continues, !(line.first == " " || line.first == "\t") {
                qpProperty = line.prefix(while: { $0 != ":" }).uppercased().contains("QUOTED-PRINTABLE")
            }
            softBreak = qpProperty && line.hasSuffix("=")
            if softBreak { line = line.dropLast() }
            if !first { out += "\n" }
            first = false
            if continues { out += " " }
            out += line
        }
        return out
    }

    // MARK: - Properties to a card

    static func card(from properties: [(property: ContentLines.Property, line: Int)]) -> ContactCard {
        var labels: [String: String] = [:]
        for (p, _) in properties where p.name == "X-ABLABEL" {
            if let group = p.group?.lowercased() { labels[group] = cleanLabel(text(p)) }
        }
        var card = ContactCard()
        var structuredName = false
        // Only EMAIL, TEL and URL carry a label: worked out for them alone.
        func label(_ p: ContentLines.Property) -> String? {
            p.group.flatMap { labels[$0.lowercased()] } ?? typeLabel(p)
        }
        for (p, _) in properties {
            switch p.name {
            case "FN":
                if card.fullName == nil { card.fullName = nonEmpty(text(p)) }
            case "N":
                guard !structuredName else { break }
                structuredName = true
                let parts = components(p).map { nonEmpty(collapsingSpaces($0)) }
                func part(_ i: Int) -> String? { i < parts.count ? parts[i] : nil }
                card.familyName = part(0)
                card.givenName = part(1)
                card.middleName = part(2)
                card.prefix = part(3)
                card.suffix = part(4)
            case "NICKNAME":
                if card.nickname == nil { card.nickname = nonEmpty(listValues(p).joined(separator: ", ")) }
            case "EMAIL":
                var value = text(p).trimmingWhitespace(.whitespaces)
                if value.utf8.first.map({ $0 | 0x20 == UInt8(ascii: "m") }) == true, value.lowercased().hasPrefix("mailto:") {
                    value = String(value.dropFirst(7))
                }
                if !value.isEmpty { card.emails.append(.init(value, label: label(p))) }
            case "TEL":
                let value = phoneValue(text(p))
                if !value.isEmpty { card.phones.append(.init(value, label: label(p))) }
            case "ORG":
                guard card.organization == nil else { break }
                let parts = components(p).map { $0.trimmingWhitespace(.whitespaces) }
                card.organization = parts.first.flatMap(nonEmpty)
                card.organizationUnits = parts.dropFirst().filter { !$0.isEmpty }
            case "TITLE":
                if card.title == nil { card.title = nonEmpty(text(p)) }
            case "NOTE":
                if let note = nonEmpty(text(p)) {
                    card.note = card.note.map { $0 + "\n" + note } ?? note
                }
            case "CATEGORIES":
                card.categories += listValues(p).filter { !$0.isEmpty }
            case "BDAY":
                if card.birthday == nil { card.birthday = nonEmpty(text(p)) }
            case "URL", "X-SOCIALPROFILE":
                let value = text(p).trimmingWhitespace(.whitespaces)
                guard !value.isEmpty else { break }
                if card.linkedinURL == nil, LinkedInProfile.key(for: value) != nil {
                    card.linkedinURL = value
                }
                if p.name == "URL" { card.urls.append(.init(value, label: label(p))) }
            case "ADR":
                if card.address == nil {
                    let parts = components(p).map { $0.replacingOccurrences(of: "\n", with: ", ").trimmingWhitespace(.whitespaces) }
                    card.address = nonEmpty(parts.filter { !$0.isEmpty }.joined(separator: ", "))
                }
            default:
                break // PHOTO, KEY, SOUND, LOGO, X-... and anything unknown
            }
        }
        return card
    }

    // MARK: - Values

    /// The property's value decoded (quoted-printable, CHARSET) and unescaped.
    static func text(_ p: ContentLines.Property) -> String {
        ContentLines.unescapeText(decoded(p))
    }

    /// The raw value with quoted-printable decoding applied when the property asks for it.
    static func decoded(_ p: ContentLines.Property) -> String {
        guard !p.parameters.isEmpty, isQuotedPrintable(p) else { return p.value }
        return QuotedPrintable.decode(p.value, charset: p.parameters["CHARSET"])
    }

    /// `ENCODING=QUOTED-PRINTABLE`, or vCard 2.1's bare `QUOTED-PRINTABLE` among the TYPE
    /// values. A byte search first: most parameters do not mention it.
    static func isQuotedPrintable(_ p: ContentLines.Property) -> Bool {
        if let encoding = p.parameters["ENCODING"], encoding.containsASCIICaseInsensitive("QUOTED-PRINTABLE"),
           encoding.uppercased() == "QUOTED-PRINTABLE" {
            return true
        }
        guard let types = p.parameters["TYPE"], types.containsASCIICaseInsensitive("QUOTED-PRINTABLE") else { return false }
        return types.uppercased().split(separator: ",").contains("QUOTED-PRINTABLE")
    }

    /// A name part with commas as spaces, runs of spaces as one and none at either end. On
    /// the bytes, unless a space or comma comes before a non-ASCII byte (a combining mark would
    /// make one character with it, which the Character split keeps whole).
    static func collapsingSpaces(_ part: String) -> String {
        var part = part
        return part.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var comma = false
            for (i, byte) in bytes.enumerated() {
                if byte == 0x20 || byte == UInt8(ascii: ",") {
                    comma = comma || byte == UInt8(ascii: ",")
                    if i + 1 < bytes.count, bytes[i + 1] >= 0x80 {
                        let spaced = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: ",", with: " ")
                        return spaced.split(separator: " ").joined(separator: " ")
                    }
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            return !comma && out.count == bytes.count ? String(decoding: bytes, as: UTF8.self) : String(decoding: out, as: UTF8.self)
        }
    }

    /// Structured value components (`;`-separated), each unescaped.
    static func components(_ p: ContentLines.Property) -> [String] {
        ContentLines.splitList(decoded(p), separator: ";").map(ContentLines.unescapeText)
    }

    /// List values (`,`-separated), each unescaped and trimmed.
    static func listValues(_ p: ContentLines.Property) -> [String] {
        ContentLines.splitList(decoded(p), separator: ",").map {
            ContentLines.unescapeText($0).trimmingWhitespace(.whitespaces)
        }
    }

    /// `tel:+1-418-656-9254;ext=102` → `+1-418-656-9254 ext. 102`.
    static func phoneValue(_ raw: String) -> String {
        var value = raw.trimmingWhitespace(.whitespaces)
        if value.utf8.first.map({ $0 | 0x20 == UInt8(ascii: "t") }) == true, value.lowercased().hasPrefix("tel:") {
            value = String(value.dropFirst(4))
        }
        if value.utf8.contains(UInt8(ascii: ";")), let range = value.range(of: ";ext=", options: .caseInsensitive) {
            value = value[..<range.lowerBound] + " ext. " + value[range.upperBound...]
        }
        return value
    }

    /// The TYPE parameters as a label: `work`, `home,fax`; PREF, INTERNET and VOICE dropped.
    static func typeLabel(_ p: ContentLines.Property) -> String? {
        guard let type = p.parameters["TYPE"] else { return nil }
        let types = ContentLines.isASCII(type) ? typeValuesASCII(type) : typeValuesCharacters(type)
        return types.isEmpty ? nil : types.joined(separator: ",")
    }

    /// The TYPE values worth a label, each trimmed of quotes and spaces and lower-cased.
    static func typeValuesCharacters(_ type: String) -> [String] {
        type.split(separator: ",").map { trimLabel($0).lowercased() }.filter(isLabelType)
    }

    /// `typeValuesCharacters` over the bytes of an ASCII value.
    static func typeValuesASCII(_ type: String) -> [String] {
        var type = type
        return type.withUTF8 { bytes in
            func trimmable(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: " ") }
            var values: [String] = []
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: ",") {
                var lower = start
                var upper = end
                start = end + 1
                while lower < upper, trimmable(bytes[lower]) { lower += 1 }
                while upper > lower, trimmable(bytes[upper - 1]) { upper -= 1 }
                let value = ContentLines.asciiLowercased(UnsafeBufferPointer(rebasing: bytes[lower..<upper]))
                if isLabelType(value) { values.append(value) }
            }
            return values
        }
    }

    /// A lower-cased TYPE value that says something: not empty, not PREF or the like, not a
    /// misplaced CHARSET or ENCODING.
    static func isLabelType(_ value: String) -> Bool {
        !value.isEmpty && !ignoredTypes.contains(value) && !value.hasPrefix("charset") && !value.hasPrefix("encoding")
    }

    /// TYPE values that say nothing a person would call a label.
    static let ignoredTypes: Set<String> = ["pref", "internet", "voice", "x400", "quoted-printable", "base64", "b"]

    /// A TYPE value without surrounding quotes and spaces. Both are ASCII, so a value whose
    /// first and last bytes are neither has nothing to trim (no Foundation call).
    static func trimLabel(_ value: Substring) -> String {
        func trimmable(_ byte: UInt8?) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: " ") }
        guard trimmable(value.utf8.first) || trimmable(value.utf8.last) else { return String(value) }
        return value.trimmingCharacters(in: labelTrim)
    }

    /// What `typeLabel` trims off each TYPE value (made once: building a CharacterSet is costly).
    private static let labelTrim = CharacterSet(charactersIn: "\" ")

    /// `_$!<HomePage>!$_` → `HomePage`.
    static func cleanLabel(_ label: String) -> String? {
        var value = label
        if value.hasPrefix("_$!<"), value.hasSuffix(">!$_") { value = String(value.dropFirst(4).dropLast(4)) }
        return nonEmpty(value)
    }

    static func nonEmpty(_ value: String) -> String? {
        let trimmed = value.trimmingWhitespace(.whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
