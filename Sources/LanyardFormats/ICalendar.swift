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
    /// Scans the UTF-8 bytes in place: every byte it splits or joins at is ASCII, so no
    /// multi-byte character is ever cut, and a line that is not folded becomes its `String`
    /// straight from the text's storage.
    public static func unfold(_ text: String) -> [Line] {
        var text = text
        return text.withUTF8(unfold(bytes:))
    }

    static func unfold(bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var result: [Line] = []
        let count = bytes.count
        var index = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        // The logical line being read: its first physical line and what folds added.
        var head: Range<Int>?
        var folded: [UInt8] = []
        var headNumber = 0
        var number = 0
        func finish() {
            guard let range = head else { return }
            let first = UnsafeBufferPointer(rebasing: bytes[range])
            if folded.isEmpty {
                if !isBlank(first) { result.append(Line(text: String(decoding: first, as: UTF8.self), number: headNumber)) }
            } else {
                let joined = Array(first) + folded
                if !isBlank(joined) { result.append(Line(text: String(decoding: joined, as: UTF8.self), number: headNumber)) }
                folded.removeAll(keepingCapacity: true)
            }
        }
        while true {
            // One physical line: up to CRLF, LF or CR.
            var end = index
            while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            number += 1
            // A blank line inside a folded property (seen in Mozilla exports) is skipped.
            if end > index {
                var folds = bytes[index] == 0x20 || bytes[index] == 0x09
                if folds, index + 1 < end, bytes[index + 1] >= 0x80 {
                    // A combining mark after the space makes one character with it: no fold.
                    let first = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).first
                    folds = first == " " || first == "\t"
                }
                if folds, head != nil {
                    folded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]))
                } else {
                    finish()
                    head = index..<end
                    headNumber = number
                }
            }
            guard end < count else { break }
            index = end + 1
            if bytes[end] == 0x0D, index < count, bytes[index] == 0x0A { index += 1 }
        }
        finish()
        return result
    }

    /// True when the line is only white space (Unicode White_Space, as `Character.isWhitespace`).
    static func isBlank(_ bytes: some Collection<UInt8>) -> Bool {
        for byte in bytes {
            if byte.isASCIIWhitespace { continue }
            if byte < 0x80 { return false }
            return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
        }
        return true
    }

    /// Splits `group.NAME;P=V;P2="a;b":value`. Returns nil for an empty line; throws when
    /// there is no colon or the name is not a valid token (ASCII letters, digits and `-`).
    /// A byte scan: quote, semicolon, colon, dot and equals sign are ASCII, never part of
    /// another character.
    public static func property(_ text: String, line: Int, format: String) throws -> Property? {
        if text.isEmpty { return nil }
        var text = text
        return try text.withUTF8 { try property(bytes: $0, line: line, format: format) }
    }

    static func property(bytes: UnsafeBufferPointer<UInt8>, line: Int, format: String) throws -> Property {
        func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var inQuotes = false
        var colon: Int?
        var segments: [Range<Int>] = []
        var segmentStart = 0
        for index in 0..<bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes, c == UInt8(ascii: ";") {
                segments.append(segmentStart..<index)
                segmentStart = index + 1
            } else if !inQuotes, c == UInt8(ascii: ":") {
                colon = index
                break
            }
        }
        guard let colon else {
            throw FormatError(format: format, line: line, field: nil, message: "expected NAME:VALUE, found \"\(string(0..<bytes.count).prefix(40))\"")
        }
        let nameSegment = segments.first ?? segmentStart..<colon
        if !segments.isEmpty { segments.append(segmentStart..<colon) }
        var group: String?
        var nameStart = nameSegment.lowerBound
        if let dot = nameSegment.last(where: { bytes[$0] == UInt8(ascii: ".") }) {
            group = string(nameSegment.lowerBound..<dot)
            nameStart = dot + 1
        }
        let nameRange = nameStart..<nameSegment.upperBound
        func isTokenByte(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
        }
        guard !nameRange.isEmpty, nameRange.allSatisfy({ isTokenByte(bytes[$0]) }) else {
            throw FormatError(format: format, line: line, field: nil, message: "invalid property name \"\(string(nameRange).prefix(40))\"")
        }
        let name = asciiUppercased(UnsafeBufferPointer(rebasing: bytes[nameRange]))
        var parameters: [String: String] = [:]
        var list: [(String, String)] = []
        for segment in segments.dropFirst() {
            let key: String
            var value: String
            if let eq = segment.first(where: { bytes[$0] == UInt8(ascii: "=") }) {
                key = trimmedUppercased(UnsafeBufferPointer(rebasing: bytes[segment.lowerBound..<eq]))
                var valueRange = (eq + 1)..<segment.upperBound
                if valueRange.count >= 2, bytes[valueRange.lowerBound] == UInt8(ascii: "\""), bytes[valueRange.upperBound - 1] == UInt8(ascii: "\"") {
                    valueRange = (valueRange.lowerBound + 1)..<(valueRange.upperBound - 1)
                }
                value = string(valueRange)
            } else {
                // vCard 2.1 bare parameters (`TEL;WORK;VOICE:`) are TYPE values.
                value = string(segment).trimmingWhitespace(.whitespaces)
                guard !value.isEmpty else { continue }
                key = "TYPE"
            }
            list.append((key, value))
            parameters[key] = parameters[key].map { $0 + "," + value } ?? value
        }
        return Property(group: group, name: name, parameters: parameters, parameterList: list, value: string((colon + 1)..<bytes.count))
    }

    /// ASCII letters upper-cased, every other byte kept.
    static func asciiUppercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        mapped(bytes, \.asciiUppercased)
    }

    /// ASCII letters lower-cased, every other byte kept.
    static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        mapped(bytes, \.asciiLowercased)
    }

    private static func mapped(_ bytes: UnsafeBufferPointer<UInt8>, _ transform: (UInt8) -> UInt8) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, byte) in bytes.enumerated() { out[i] = transform(byte) }
            return bytes.count
        }
    }

    /// A parameter name trimmed of white space and upper-cased: on the bytes when they are
    /// ASCII (where `.whitespaces` is space and tab), through Foundation otherwise.
    static func trimmedUppercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).trimmingWhitespace(.whitespaces).uppercased()
        }
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return asciiUppercased(UnsafeBufferPointer(rebasing: bytes[start..<end]))
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
