import Foundation
import LanyardFormats
import Testing

@Suite("iCalendar reader")
struct ICalendarReaderTests {
    func calendar(_ lines: [String]) -> String { lines.joined(separator: "\r\n") + "\r\n" }

    @Test("unfolds CRLF + space and tab continuations, even inside a UTF-8 character's neighbours")
    func unfolding() throws {
        // Given a SUMMARY folded twice (space, then tab) and a DESCRIPTION folded by LF only
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Swift\r\n Conf Ber\r\n\tlin – 2025\r\nDESCRIPTION:a\n b\nDTSTART;VALUE=DATE:20250914\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        // When it is read
        let event = try #require(try ICalendarReader.parse(text).first?.events.first)
        // Then continuations are joined without their leading whitespace
        #expect(event.summary == "SwiftConf Berlin – 2025")
        #expect(event.description == "ab")
    }

    @Test("unescapes TEXT values and splits CATEGORIES on unescaped commas")
    func escaping() throws {
        let text = calendar(["BEGIN:VCALENDAR", "BEGIN:VEVENT",
                             #"SUMMARY:Talks\, workshops\; and a party \\ more"#,
                             #"DESCRIPTION:Line one\nLine two\NLine three"#,
                             #"CATEGORIES:swift,server\,side,  conference "#,
                             "DTSTART:20250914T090000Z", "END:VEVENT", "END:VCALENDAR"])
        let event = try #require(try ICalendarReader.parse(text).first?.events.first)
        #expect(event.summary == #"Talks, workshops; and a party \ more"#)
        #expect(event.description == "Line one\nLine two\nLine three")
        #expect(event.categories == ["swift", "server,side", "conference"])
    }

    @Test("DATE, UTC DATE-TIME, zoned DATE-TIME with and without a VTIMEZONE")
    func datesAndZones() throws {
        // Given four events: all-day, UTC, IANA TZID without VTIMEZONE, custom TZID with one
        let text = calendar(["BEGIN:VCALENDAR", "X-WR-CALNAME:Conferences\\, 2025", "X-WR-TIMEZONE:Europe/Berlin",
                             "BEGIN:VEVENT", "SUMMARY:A", "DTSTART;VALUE=DATE:20250914", "DTEND;VALUE=DATE:20250916", "END:VEVENT",
                             "BEGIN:VEVENT", "SUMMARY:B", "DTSTART:20250914T090000Z", "END:VEVENT",
                             "BEGIN:VEVENT", "SUMMARY:C", "DTSTART;TZID=America/New_York:20250914T090000", "END:VEVENT",
                             "BEGIN:VEVENT", "SUMMARY:D", "DTSTART;TZID=\"Fiji Standard Time\":20250914T090000", "END:VEVENT",
                             "BEGIN:VTIMEZONE", "TZID:Fiji Standard Time", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                             "TZOFFSETFROM:+1200", "TZOFFSETTO:+1200", "END:STANDARD", "END:VTIMEZONE",
                             "END:VCALENDAR"])
        let calendar = try #require(try ICalendarReader.parse(text).first)
        #expect(calendar.name == "Conferences, 2025")
        #expect(calendar.timeZone == "Europe/Berlin")
        let events = calendar.events
        #expect(events.count == 4)
        #expect(events[0].start?.isDateOnly == true)
        #expect(events[0].end == ICalDateTime(year: 2025, month: 9, day: 16))
        #expect(events[1].start?.isUTC == true)
        #expect(events[1].start?.date() == Date(timeIntervalSince1970: 1_757_840_400))
        #expect(events[2].start?.timeZoneID == "America/New_York")
        #expect(events[2].start?.date() == Date(timeIntervalSince1970: 1_757_854_800))
        // The VTIMEZONE defined after its use gives a fixed +12:00 zone
        #expect(events[3].start?.date() == Date(timeIntervalSince1970: 1_757_797_200))
        #expect(calendar.warnings.isEmpty)
    }

    @Test("a vendor-prefixed TZID resolves to its IANA suffix; an unknown one becomes floating with a warning")
    func vendorAndUnknownZones() throws {
        let text = calendar(["BEGIN:VCALENDAR",
                             "BEGIN:VEVENT", "SUMMARY:A", "DTSTART;TZID=/mozilla.org/20070129_1/Europe/Vienna:20250914T090000", "END:VEVENT",
                             "BEGIN:VEVENT", "SUMMARY:B", "DTSTART;TZID=Somewhere Else:20250914T090000", "END:VEVENT",
                             "END:VCALENDAR"])
        let calendar = try #require(try ICalendarReader.parse(text).first)
        #expect(calendar.events[0].start?.timeZoneID == "Europe/Vienna")
        #expect(calendar.events[1].start?.timeZoneID == nil)
        #expect(calendar.warnings.map(\.line) == [8])
    }

    @Test("several VCALENDARs in one file give several calendars")
    func severalCalendars() throws {
        let one = calendar(["BEGIN:VCALENDAR", "X-WR-CALNAME:One", "BEGIN:VEVENT", "SUMMARY:A", "DTSTART:20250101", "END:VEVENT", "END:VCALENDAR"])
        let two = calendar(["BEGIN:VCALENDAR", "X-WR-CALNAME:Two", "BEGIN:VEVENT", "SUMMARY:B", "DTSTART:20250102", "END:VEVENT",
                            "BEGIN:VEVENT", "SUMMARY:C", "DTSTART:20250103", "BEGIN:VALARM", "TRIGGER:-PT15M", "DESCRIPTION:x", "END:VALARM", "END:VEVENT", "END:VCALENDAR"])
        let calendars = try ICalendarReader.parse(one + two)
        #expect(calendars.map(\.name) == ["One", "Two"])
        #expect(calendars.map { $0.events.compactMap(\.summary) } == [["A"], ["B", "C"]])
        // The VALARM's DESCRIPTION is not the event's
        #expect(calendars[1].events[1].description == nil)
    }

    @Test("broken input is refused with its line", arguments: [
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20250230", "END:VEVENT", "END:VCALENDAR"], 3, "invalid date"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20250214T090000", "END:VEVENT", "END:VCALENDAR"], 3, "VALUE=DATE"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:x", "END:VTODO", "END:VCALENDAR"], 4, "closes BEGIN:VEVENT of line 2"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:x", "END:VCALENDAR"], 4, "closes BEGIN:VEVENT"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:x"], 2, "without END:VEVENT"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "no colon here", "END:VEVENT", "END:VCALENDAR"], 3, "NAME:VALUE"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DURATION:PT1H2", "END:VEVENT", "END:VCALENDAR"], 3, "invalid duration"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "RRULE:COUNT=3", "END:VEVENT", "END:VCALENDAR"], 3, "no FREQ"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "EXDATE:20250101,", "END:VEVENT", "END:VCALENDAR"], 3, "empty date"),
        (["SUMMARY:x"], 1, "outside BEGIN:VCALENDAR"),
        (["BEGIN:VEVENT", "END:VEVENT"], 1, "expected BEGIN:VCALENDAR"),
    ])
    func refused(lines: [String], line: Int, fragment: String) throws {
        let error = try #require(throws: FormatError.self) { try ICalendarReader.parse(calendar(lines)) }
        #expect(error.line == line)
        #expect(error.description.contains(fragment))
    }

    @Test("bytes that are not UTF-8 are refused at their line")
    func notUTF8() throws {
        var data = Data("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:caf".utf8)
        data.append(0xE9) // Latin-1 é
        data.append(contentsOf: Array("\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8))
        let error = try #require(throws: FormatError.self) { try ICalendarReader.parse(data: data) }
        #expect(error.line == 3)
    }

    @Test("empty or non-calendar text is refused")
    func empty() throws {
        #expect(throws: FormatError.self) { try ICalendarReader.parse("") }
        #expect(throws: FormatError.self) { try ICalendarReader.parse("hello") }
    }
}
