import Foundation

/// Reads iCalendar (RFC 5545) text: unfolds lines, splits properties and parameters, unescapes
/// TEXT values, checks that components nest, validates the date and time properties of every
/// VEVENT, and resolves TZIDs (IANA names, vendor-prefixed names, VTIMEZONE definitions).
/// Errors name the line.
public enum ICalendarReader {
    /// Parses a file's bytes: refuses bytes that are not UTF-8, naming the line.
    public static func parse(data: Data) throws -> [ICalendar] {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw FormatError(format: "iCalendar", line: firstInvalidUTF8Line(data), field: nil,
                              message: "not UTF-8 text (save the calendar as UTF-8)")
        }
        return try parse(text)
    }

    /// Parses every VCALENDAR in `text` (a file may hold several) into one list of calendars.
    public static func parse(_ text: String) throws -> [ICalendar] {
        var state = State()
        for line in ContentLines.unfold(text) {
            try state.read(line)
        }
        if let open = state.stack.last {
            throw FormatError(format: "iCalendar", line: open.line, field: "BEGIN", message: "BEGIN:\(open.name) without END:\(open.name)")
        }
        if state.calendars.isEmpty {
            throw FormatError(format: "iCalendar", line: nil, field: nil, message: "no BEGIN:VCALENDAR found (is this an .ics file?)")
        }
        return state.calendars
    }

    /// The 1-based line of the first byte that breaks UTF-8.
    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return line
            }
            guard index + length <= data.endIndex else { return line }
            let tail = data[(index + 1)..<(index + length)]
            guard tail.allSatisfy({ $0 & 0xC0 == 0x80 }), String(validating: data[index..<(index + length)], as: UTF8.self) != nil else { return line }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }

    // MARK: - The reading state

    /// A VTIMEZONE as far as resolving its TZID needs: its location and UTC offsets.
    struct TimeZoneDefinition {
        var tzid: String?
        var location: String?
        /// TZOFFSETTO of STANDARD sub-components, then of DAYLIGHT ones.
        var standardOffsets: [Int] = []
        var daylightOffsets: [Int] = []
    }

    /// A zoned date waiting for the end of its VCALENDAR, where every VTIMEZONE is known.
    struct PendingZone {
        var event: Int
        var isStart: Bool
        var tzid: String
        var line: Int
        var field: String
    }

    struct State {
        var calendars: [ICalendar] = []
        var stack: [(name: String, line: Int)] = []
        var calendar: ICalendar?
        var event: ICalEvent?
        var timeZones: [String: TimeZoneDefinition] = [:]
        var timeZone: TimeZoneDefinition?
        var pending: [PendingZone] = []

        mutating func read(_ line: ContentLines.Line) throws {
            if let bad = line.text.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
                throw FormatError(format: "iCalendar", line: line.number, field: nil,
                                  message: String(format: "control character U+%04X in the line", bad.value))
            }
            guard let property = try ContentLines.property(line.text, line: line.number, format: "iCalendar") else { return }
            try checkParameterSyntax(line.text, line: line.number, field: property.name)
            switch property.name {
            case "BEGIN": try begin(property, line: line.number)
            case "END": try end(property, line: line.number)
            default: try apply(property, line: line.number)
            }
        }

        private mutating func begin(_ property: ContentLines.Property, line: Int) throws {
            let component = property.value.uppercased()
            guard !component.isEmpty, component.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }) else {
                throw FormatError(format: "iCalendar", line: line, field: "BEGIN", message: "invalid component name \"\(property.value.prefix(40))\"")
            }
            if stack.isEmpty, component != "VCALENDAR" {
                throw FormatError(format: "iCalendar", line: line, field: "BEGIN", message: "expected BEGIN:VCALENDAR, found BEGIN:\(component) (a calendar file starts with BEGIN:VCALENDAR)")
            }
            if component == "VCALENDAR", !stack.isEmpty {
                throw FormatError(format: "iCalendar", line: line, field: "BEGIN", message: "VCALENDAR inside BEGIN:\(stack.last!.name) of line \(stack.last!.line)")
            }
            stack.append((component, line))
            switch (component, stack.count) {
            case ("VCALENDAR", _):
                calendar = ICalendar()
                timeZones = [:]
                pending = []
            case ("VEVENT", 2):
                event = ICalEvent(line: line)
            case ("VEVENT", _) where event != nil:
                throw FormatError(format: "iCalendar", line: line, field: "BEGIN", message: "VEVENT inside the VEVENT of line \(event!.line)")
            case ("VTIMEZONE", 2):
                timeZone = TimeZoneDefinition()
            default:
                break
            }
        }

        private mutating func end(_ property: ContentLines.Property, line: Int) throws {
            let component = property.value.uppercased()
            guard let open = stack.popLast() else {
                throw FormatError(format: "iCalendar", line: line, field: "END", message: "END:\(component) without BEGIN:\(component)")
            }
            guard open.name == component else {
                throw FormatError(format: "iCalendar", line: line, field: "END", message: "END:\(component) closes BEGIN:\(open.name) of line \(open.line)")
            }
            switch (component, stack.count) {
            case ("VEVENT", 1):
                if let done = event { calendar?.events.append(done) }
                event = nil
            case ("VTIMEZONE", 1):
                if let done = timeZone, let tzid = done.tzid { timeZones[tzid] = done }
                timeZone = nil
            case ("VCALENDAR", 0):
                guard var done = calendar else { return }
                resolveZones(in: &done)
                calendars.append(done)
                calendar = nil
            default:
                break
            }
        }

        private mutating func apply(_ p: ContentLines.Property, line: Int) throws {
            guard let top = stack.last else {
                throw FormatError(format: "iCalendar", line: line, field: p.name, message: "property outside BEGIN:VCALENDAR")
            }
            if stack.count == 2, top.name == "VEVENT", event != nil {
                try applyToEvent(p, line: line)
            } else if stack.count == 1 {
                switch p.name {
                case "X-WR-CALNAME": calendar?.name = ContentLines.unescapeText(p.value)
                case "X-WR-TIMEZONE": calendar?.timeZone = ICalTimeZones.ianaIdentifier(for: p.value)
                default: break
                }
            } else if stack.count >= 2, stack[1].name == "VTIMEZONE" {
                try applyToTimeZone(p, line: line, inside: top.name)
            }
        }

        private mutating func applyToTimeZone(_ p: ContentLines.Property, line: Int, inside component: String) throws {
            switch p.name {
            case "TZID" where component == "VTIMEZONE": timeZone?.tzid = p.value
            case "X-LIC-LOCATION" where component == "VTIMEZONE": timeZone?.location = p.value
            case "TZOFFSETTO", "TZOFFSETFROM":
                guard ICalValueSyntax.isUTCOffset(p.value), let seconds = ICalTimeZones.seconds(ofOffset: p.value) else {
                    throw FormatError(format: "iCalendar", line: line, field: p.name, message: "invalid UTC offset \"\(p.value.prefix(20))\" (expected +HHMM or -HHMM)")
                }
                if p.name == "TZOFFSETTO" {
                    if component == "STANDARD" { timeZone?.standardOffsets.append(seconds) }
                    if component == "DAYLIGHT" { timeZone?.daylightOffsets.append(seconds) }
                }
            default: break
            }
        }

        private mutating func applyToEvent(_ p: ContentLines.Property, line: Int) throws {
            func fail(_ message: String) -> FormatError {
                FormatError(format: "iCalendar", line: line, field: p.name, message: message)
            }
            let valueType = p.parameters["VALUE"]?.uppercased()
            switch p.name {
            case "UID": event!.uid = p.value
            case "SUMMARY": event!.summary = ContentLines.unescapeText(p.value)
            case "DESCRIPTION": event!.description = ContentLines.unescapeText(p.value)
            case "LOCATION": event!.location = ContentLines.unescapeText(p.value)
            case "URL": event!.url = p.value
            case "CATEGORIES":
                event!.categories += ContentLines.splitList(p.value).map(ContentLines.unescapeText)
                    .map { $0.trimmingWhitespace(.whitespaces) }.filter { !$0.isEmpty }
            case "DTSTART", "DTEND", "DTSTAMP", "RECURRENCE-ID", "CREATED", "LAST-MODIFIED":
                let tzid = p.parameters["TZID"]
                guard var value = ICalDateTime.parse(p.value, timeZoneID: tzid) else {
                    throw fail("invalid date \"\(p.value.prefix(40))\" (expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])")
                }
                if valueType == "DATE", !value.isDateOnly { throw fail("VALUE=DATE with a time \"\(p.value)\"") }
                if valueType == "DATE-TIME", value.isDateOnly { throw fail("VALUE=DATE-TIME without a time \"\(p.value)\"") }
                if ["DTSTAMP", "CREATED", "LAST-MODIFIED"].contains(p.name), !value.isUTC {
                    // RFC 5545 wants UTC here; floating values are common and harmless.
                    value.timeZoneID = nil
                }
                switch p.name {
                case "DTSTART", "DTEND":
                    if let tzid, !value.isUTC, !value.isDateOnly {
                        pending.append(PendingZone(event: calendar?.events.count ?? 0, isStart: p.name == "DTSTART", tzid: tzid, line: line, field: p.name))
                    }
                    if p.name == "DTSTART" { event!.start = value } else { event!.end = value }
                case "DTSTAMP": event!.stamp = value
                default: break
                }
            case "EXDATE", "RDATE":
                if let problem = ICalValueSyntax.dateListProblem(p.value, valueType: valueType) { throw fail(problem) }
            case "DURATION":
                guard ICalValueSyntax.isDuration(p.value) else {
                    throw fail("invalid duration \"\(p.value.prefix(40))\" (expected like PT1H30M or P2D)")
                }
            case "RRULE":
                if let problem = ICalValueSyntax.recurrenceProblem(p.value) { throw fail(problem) }
            default:
                if p.name.hasPrefix("X-") { event!.extensions[p.name] = ContentLines.unescapeText(p.value) }
            }
        }

        /// Replaces each zoned DTSTART/DTEND's TZID by an IANA identifier. A TZID that is neither
        /// a known name nor defined by a usable VTIMEZONE makes the time floating, with a warning.
        private func resolveZones(in calendar: inout ICalendar) {
            for item in pending where item.event < calendar.events.count {
                let zone = ICalTimeZones.resolve(item.tzid, definitions: timeZones)
                if zone == nil {
                    calendar.warnings.append(FormatError(format: "iCalendar", line: item.line, field: item.field, message:
                        "unknown time zone \"\(item.tzid)\" (not an IANA name like Europe/Berlin, and no VTIMEZONE gives its offset): read as floating time"))
                }
                if item.isStart { calendar.events[item.event].start?.timeZoneID = zone } else { calendar.events[item.event].end?.timeZoneID = zone }
            }
        }
    }

    /// Refuses empty parameters (`DTSTART;;VALUE=...`) and a `;` right before the colon.
    static func checkParameterSyntax(_ text: String, line: Int, field: String) throws {
        var inQuotes = false
        var previous: Character?
        for c in text {
            if c == "\"" { inQuotes.toggle() }
            if !inQuotes {
                if c == ":" {
                    if previous == ";" { break }
                    return
                }
                if c == ";", previous == ";" { break }
            }
            previous = c
        }
        if previous == nil || inQuotes { return }
        throw FormatError(format: "iCalendar", line: line, field: field, message: "empty parameter (\";;\" or \";:\") in \"\(text.prefix(50))\"")
    }
}
