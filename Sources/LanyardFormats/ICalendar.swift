import Foundation

/// An iCalendar (RFC 5545) document reduced to what Lanyard uses: the calendar's name and
/// time zone, and its VEVENTs.
public struct ICalendar: Sendable, Equatable {
    /// X-WR-CALNAME, when present.
    public var name: String?
    /// X-WR-TIMEZONE, when present.
    public var timeZone: String?
    public var events: [ICalEvent] = []
    /// What the reader tolerated and the user may want to know (an unknown TZID), by line.
    public var warnings: [FormatError] = []

    public init(name: String? = nil, timeZone: String? = nil, events: [ICalEvent] = []) {
        self.name = name
        self.timeZone = timeZone
        self.events = events
    }
}

/// One VEVENT.
public struct ICalEvent: Sendable, Equatable {
    public var uid: String?
    public var summary: String?
    public var description: String?
    public var location: String?
    public var url: String?
    public var categories: [String] = []
    public var start: ICalDateTime?
    public var end: ICalDateTime?
    /// DTSTAMP: when the producer wrote this VEVENT (always UTC).
    public var stamp: ICalDateTime?
    /// Non-standard properties (`X-LANYARD-SERIES`, ...), upper-cased names, unescaped values.
    public var extensions: [String: String] = [:]
    /// The line of its BEGIN:VEVENT, for messages.
    public var line: Int

    public init(line: Int) {
        self.line = line
    }
}

/// Content-line mechanics shared by iCalendar and vCard: unfolding, property splitting,
/// TEXT unescaping.
public enum ContentLines {
    /// One logical line and the physical line it started on.
    public struct Line: Sendable, Equatable {
        public var text: String
        public var number: Int
    }

    /// A property: upper-cased name (group dropped into `group`), parameters, raw value.
    public struct Property: Sendable, Equatable {
        public var group: String?
        public var name: String
        public var parameters: [String: String]
        /// Parameters in order with repeats (`TYPE=WORK;TYPE=VOICE`), upper-cased names.
        public var parameterList: [(name: String, value: String)]
        public var value: String

        public static func == (lhs: Property, rhs: Property) -> Bool {
            lhs.group == rhs.group && lhs.name == rhs.name && lhs.parameters == rhs.parameters && lhs.value == rhs.value
        }
    }

    /// Unfolds CRLF/LF/CR line breaks followed by a space or tab; strips a BOM; drops blank lines.
    public static func unfold(_ text: String) -> [Line] {
        var result: [Line] = []
        var current = ""
        var currentStart = 0
        var number = 0
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // Split on CRLF, LF or CR (Swift treats "\r\n" as one Character).
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            // A blank line inside a folded property (seen in Mozilla exports) is skipped.
            if raw.isEmpty { continue }
            if let first = raw.first, first == " " || first == "\t", !result.isEmpty || !current.isEmpty {
                current += raw.dropFirst()
                continue
            }
            if !current.isEmpty { result.append(Line(text: current, number: currentStart)) }
            current = String(raw)
            currentStart = number
        }
        if !current.isEmpty { result.append(Line(text: current, number: currentStart)) }
        return result.filter { !$0.text.allSatisfy(\.isWhitespace) }
    }

    /// Splits `group.NAME;P=V;P2="a;b":value`. Returns nil for an empty line; throws when
    /// there is no colon or the name is not a valid token.
    public static func property(_ text: String, line: Int, format: String) throws -> Property? {
        if text.isEmpty { return nil }
        var nameEnd = text.startIndex
        var inQuotes = false
        var colon: String.Index?
        var index = text.startIndex
        var segments: [Substring] = []
        var segmentStart = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "\"" { inQuotes.toggle() }
            else if !inQuotes, c == ";" {
                segments.append(text[segmentStart..<index])
                segmentStart = text.index(after: index)
            } else if !inQuotes, c == ":" {
                colon = index
                break
            }
            index = text.index(after: index)
        }
        guard let colon else {
            throw FormatError(format: format, line: line, field: nil, message: "expected NAME:VALUE, found \"\(text.prefix(40))\"")
        }
        segments.append(text[segmentStart..<colon])
        nameEnd = colon
        _ = nameEnd
        var rawName = String(segments.removeFirst())
        var group: String?
        if let dot = rawName.lastIndex(of: ".") {
            group = String(rawName[..<dot])
            rawName = String(rawName[rawName.index(after: dot)...])
        }
        let name = rawName.uppercased()
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw FormatError(format: format, line: line, field: nil, message: "invalid property name \"\(rawName.prefix(40))\"")
        }
        var parameters: [String: String] = [:]
        var list: [(String, String)] = []
        for segment in segments {
            if let eq = segment.firstIndex(of: "=") {
                let key = segment[..<eq].trimmingWhitespace(.whitespaces).uppercased()
                var value = String(segment[segment.index(after: eq)...])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                    value = String(value.dropFirst().dropLast())
                }
                list.append((key, value))
                parameters[key] = parameters[key].map { $0 + "," + value } ?? value
            } else {
                // vCard 2.1 bare parameters (`TEL;WORK;VOICE:`) are TYPE values.
                let value = segment.trimmingWhitespace(.whitespaces)
                guard !value.isEmpty else { continue }
                list.append(("TYPE", value))
                parameters["TYPE"] = parameters["TYPE"].map { $0 + "," + value } ?? value
            }
        }
        return Property(group: group, name: name, parameters: parameters, parameterList: list, value: String(text[text.index(after: colon)...]))
    }

    /// Unescapes a TEXT value: `\n`/`\N` → newline, `\,` `\;` `\\` → the character.
    public static func unescapeText(_ value: String) -> String {
        guard value.containsByte(UInt8(ascii: "\\")) else { return value }
        var out = ""
        var escaping = false
        for c in value {
            if escaping {
                switch c {
                case "n", "N": out.append("\n")
                default: out.append(c)
                }
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// Splits a list value on unescaped separators (escapes are kept for `unescapeText`), into
    /// at most `limit` parts: the last part keeps any further separators.
    public static func splitList(_ value: String, separator: Character = ",", limit: Int = .max) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for c in value {
            if escaping {
                current.append("\\")
                current.append(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else if c == separator, parts.count < limit - 1 {
                parts.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaping { current.append("\\") }
        parts.append(current)
        return parts
    }
}
