import Foundation

/// An iCalendar (RFC 5545) document reduced to what Lanyard uses: the calendar's name and
/// time zone, and its VEVENTs.
public struct ICalendar: Sendable, Equatable {
    /// X-WR-CALNAME, when present.
    public var name: String?
    /// X-WR-TIMEZONE, when present.
    public var timeZone: String?
    public var events: [ICalEvent] = []

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
    /// Non-standard properties (`X-LANYARD-SERIES`, ...), upper-cased names, unescaped values.
    public var extensions: [String: String] = [:]
    /// The line of its BEGIN:VEVENT, for messages.
    public var line: Int

    public init(line: Int) {
        self.line = line
    }
}

/// A DATE or DATE-TIME value, with its TZID parameter or UTC marker.
public struct ICalDateTime: Sendable, Equatable {
    public var year: Int
    public var month: Int
    public var day: Int
    /// Hour, minute, second for a DATE-TIME; nil for a DATE.
    public var time: (hour: Int, minute: Int, second: Int)?
    /// True for a `...Z` value.
    public var isUTC: Bool
    /// The TZID parameter, when given.
    public var timeZoneID: String?

    public var isDateOnly: Bool { time == nil }

    public static func == (lhs: ICalDateTime, rhs: ICalDateTime) -> Bool {
        lhs.year == rhs.year && lhs.month == rhs.month && lhs.day == rhs.day
            && lhs.time?.hour == rhs.time?.hour && lhs.time?.minute == rhs.time?.minute
            && lhs.time?.second == rhs.time?.second && lhs.isUTC == rhs.isUTC && lhs.timeZoneID == rhs.timeZoneID
    }

    /// Parses `20250914`, `20250914T090000`, `20250914T090000Z`.
    public static func parse(_ text: String, timeZoneID: String?) -> ICalDateTime? {
        let chars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count else { return nil }
            var value = 0
            for c in chars[range] {
                guard c >= 48, c <= 57 else { return nil }
                value = value * 10 + Int(c - 48)
            }
            return value
        }
        guard chars.count == 8 || chars.count == 15 || chars.count == 16,
              let y = number(0..<4), let m = number(4..<6), let d = number(6..<8),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y)
        else { return nil }
        if chars.count == 8 {
            return ICalDateTime(year: y, month: m, day: d, time: nil, isUTC: false, timeZoneID: timeZoneID)
        }
        guard chars[8] == UInt8(ascii: "T"),
              let h = number(9..<11), let mi = number(11..<13), let s = number(13..<15),
              h < 24, mi < 60, s <= 60
        else { return nil }
        let utc = chars.count == 16
        if utc, chars[15] != UInt8(ascii: "Z") { return nil }
        return ICalDateTime(year: y, month: m, day: d, time: (h, mi, s), isUTC: utc, timeZoneID: utc ? nil : timeZoneID)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// The instant, resolving TZID (or `fallbackZone`, else UTC) for floating and zoned times.
    public func date(fallbackZone: TimeZone? = nil) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        let zone: TimeZone? = isUTC ? TimeZone(identifier: "UTC")
            : timeZoneID.flatMap(TimeZone.init(identifier:)) ?? fallbackZone ?? TimeZone(identifier: "UTC")
        guard let zone else { return nil }
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(
            year: year, month: month, day: day,
            hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0))
    }
}

/// Reads iCalendar text: unfolds lines, splits properties and parameters, unescapes TEXT
/// values, and checks that components nest. Errors name the line.
public enum ICalendarReader {
    /// Parses every VCALENDAR in `text` (a file may hold several) into one list of calendars.
    public static func parse(_ text: String) throws -> [ICalendar] {
        let lines = ContentLines.unfold(text)
        var calendars: [ICalendar] = []
        var stack: [(name: String, line: Int)] = []
        var calendar: ICalendar?
        var event: ICalEvent?

        for line in lines {
            let property = try ContentLines.property(line.text, line: line.number, format: "iCalendar")
            guard let property else { continue }
            switch property.name {
            case "BEGIN":
                let component = property.value.uppercased()
                guard !component.isEmpty, component.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw FormatError(format: "iCalendar", line: line.number, field: "BEGIN", message: "invalid component name \"\(property.value)\"")
                }
                if stack.isEmpty, component != "VCALENDAR" {
                    throw FormatError(format: "iCalendar", line: line.number, field: "BEGIN", message: "expected BEGIN:VCALENDAR, found BEGIN:\(component)")
                }
                stack.append((component, line.number))
                if component == "VCALENDAR" {
                    if stack.count > 1 {
                        throw FormatError(format: "iCalendar", line: line.number, field: "BEGIN", message: "VCALENDAR inside another component")
                    }
                    calendar = ICalendar()
                } else if component == "VEVENT" {
                    if event != nil {
                        throw FormatError(format: "iCalendar", line: line.number, field: "BEGIN", message: "VEVENT inside a VEVENT")
                    }
                    event = ICalEvent(line: line.number)
                }
            case "END":
                let component = property.value.uppercased()
                guard let open = stack.popLast() else {
                    throw FormatError(format: "iCalendar", line: line.number, field: "END", message: "END:\(component) without BEGIN")
                }
                guard open.name == component else {
                    throw FormatError(format: "iCalendar", line: line.number, field: "END", message: "END:\(component) closes BEGIN:\(open.name) of line \(open.line)")
                }
                if component == "VEVENT", let done = event {
                    calendar?.events.append(done)
                    event = nil
                } else if component == "VCALENDAR", let done = calendar {
                    calendars.append(done)
                    calendar = nil
                }
            default:
                guard !stack.isEmpty else {
                    throw FormatError(format: "iCalendar", line: line.number, field: property.name, message: "property outside BEGIN:VCALENDAR")
                }
                if stack.count == 2, stack.last?.name == "VEVENT", event != nil {
                    try apply(property, to: &event!, line: line.number)
                } else if stack.count == 1 {
                    switch property.name {
                    case "X-WR-CALNAME": calendar?.name = ContentLines.unescapeText(property.value)
                    case "X-WR-TIMEZONE": calendar?.timeZone = property.value
                    default: break
                    }
                }
            }
        }
        if let open = stack.last {
            throw FormatError(format: "iCalendar", line: open.line, field: "BEGIN", message: "BEGIN:\(open.name) without END:\(open.name)")
        }
        if calendars.isEmpty {
            throw FormatError(format: "iCalendar", line: nil, field: nil, message: "no BEGIN:VCALENDAR found")
        }
        return calendars
    }

    private static func apply(_ p: ContentLines.Property, to event: inout ICalEvent, line: Int) throws {
        switch p.name {
        case "UID": event.uid = p.value
        case "SUMMARY": event.summary = ContentLines.unescapeText(p.value)
        case "DESCRIPTION": event.description = ContentLines.unescapeText(p.value)
        case "LOCATION": event.location = ContentLines.unescapeText(p.value)
        case "URL": event.url = p.value
        case "CATEGORIES":
            event.categories += ContentLines.splitList(p.value).map(ContentLines.unescapeText)
        case "DTSTART", "DTEND":
            guard let value = ICalDateTime.parse(p.value, timeZoneID: p.parameters["TZID"]) else {
                throw FormatError(format: "iCalendar", line: line, field: p.name, message: "invalid date \"\(p.value)\" (expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])")
            }
            if p.parameters["VALUE"]?.uppercased() == "DATE", !value.isDateOnly {
                throw FormatError(format: "iCalendar", line: line, field: p.name, message: "VALUE=DATE with a time \"\(p.value)\"")
            }
            if p.name == "DTSTART" { event.start = value } else { event.end = value }
        default:
            if p.name.hasPrefix("X-") { event.extensions[p.name] = ContentLines.unescapeText(p.value) }
        }
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

    /// Splits a list value on unescaped commas (escapes are kept for `unescapeText`).
    public static func splitList(_ value: String, separator: Character = ",") -> [String] {
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
            } else if c == separator {
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
