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
    /// Scans UTF-8 bytes: every byte it splits or joins at is ASCII, so no multi-byte
    /// character is ever cut.
    public static func unfold(_ text: String) -> [Line] {
        var result: [Line] = []
        var current: [UInt8] = []
        var currentStart = 0
        var number = 0
        var utf8 = text.utf8[...]
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8 = utf8.dropFirst(3) }
        func finish() {
            if !current.isEmpty, !isBlank(current) {
                result.append(Line(text: String(decoding: current, as: UTF8.self), number: currentStart))
            }
        }
        var index = utf8.startIndex
        while true {
            // One physical line: up to CRLF, LF or CR.
            var end = index
            while end < utf8.endIndex, utf8[end] != 0x0A, utf8[end] != 0x0D { utf8.formIndex(after: &end) }
            number += 1
            // A blank line inside a folded property (seen in Mozilla exports) is skipped.
            if end > index {
                var folds = utf8[index] == 0x20 || utf8[index] == 0x09
                if folds, utf8.index(after: index) < end, utf8[utf8.index(after: index)] >= 0x80 {
                    // A combining mark after the space makes one character with it: no fold.
                    let first = Substring(utf8[index..<end]).first
                    folds = first == " " || first == "\t"
                }
                if folds, !result.isEmpty || !current.isEmpty {
                    current.append(contentsOf: utf8[utf8.index(after: index)..<end])
                } else {
                    finish()
                    current = Array(utf8[index..<end])
                    currentStart = number
                }
            }
            guard end < utf8.endIndex else { break }
            index = utf8.index(after: end)
            if utf8[end] == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
        }
        finish()
        return result
    }

    /// True when the line is only white space (Unicode White_Space, as `Character.isWhitespace`).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        for byte in bytes {
            if byte == 0x20 || (0x09...0x0D).contains(byte) { continue }
            if byte < 0x80 { return false }
            return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
        }
        return true
    }

    /// Splits `group.NAME;P=V;P2="a;b":value`. Returns nil for an empty line; throws when
    /// there is no colon or the name is not a valid token.
    public static func property(_ text: String, line: Int, format: String) throws -> Property? {
        if text.isEmpty { return nil }
        var nameEnd = text.startIndex
        var inQuotes = false
        var colon: String.Index?
        // A byte scan: quote, semicolon and colon are ASCII, never part of another character.
        let utf8 = text.utf8
        var index = utf8.startIndex
        var segments: [Substring] = []
        var segmentStart = text.startIndex
        while index < utf8.endIndex {
            let c = utf8[index]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes, c == UInt8(ascii: ";") {
                segments.append(text[segmentStart..<index])
                segmentStart = utf8.index(after: index)
            } else if !inQuotes, c == UInt8(ascii: ":") {
                colon = index
                break
            }
            utf8.formIndex(after: &index)
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
        return isASCII(value) ? unescapeASCII(value) : unescapeCharacters(value)
    }

    /// True when every byte is ASCII: then each byte is one Character, and the byte versions
    /// below give what the Character versions give.
    static func isASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `unescapeText` over the bytes of an ASCII value.
    static func unescapeASCII(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        var escaping = false
        for byte in value.utf8 {
            if escaping {
                out.append(byte == UInt8(ascii: "n") || byte == UInt8(ascii: "N") ? 0x0A : byte)
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        if escaping { out.append(UInt8(ascii: "\\")) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `unescapeText` over Characters: any value.
    static func unescapeCharacters(_ value: String) -> String {
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
        if let byte = separator.asciiValue, isASCII(value) { return splitASCII(value, separator: byte, limit: limit) }
        return splitCharacters(value, separator: separator, limit: limit)
    }

    /// `splitList` over the bytes of an ASCII value: the parts are the stretches between
    /// unescaped separators, escapes kept as they are.
    static func splitASCII(_ value: String, separator: UInt8, limit: Int) -> [String] {
        var parts: [String] = []
        let utf8 = value.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\\") {
                utf8.formIndex(after: &index)
                if index < utf8.endIndex { utf8.formIndex(after: &index) }
                continue
            }
            if byte == separator, parts.count < limit - 1 {
                parts.append(String(Substring(utf8[start..<index])))
                start = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        parts.append(String(Substring(utf8[start..<utf8.endIndex])))
        return parts
    }

    /// `splitList` over Characters: any value.
    static func splitCharacters(_ value: String, separator: Character, limit: Int) -> [String] {
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
