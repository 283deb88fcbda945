import Foundation
import LanyardFormats
import Testing

@Suite("iCalendar writer")
struct ICalendarWriterTests {
    @Test("folds at 75 octets without splitting a UTF-8 character, with CRLF line ends")
    func folding() {
        // Given a line of 3-byte characters longer than 75 octets
        let line = "SUMMARY:" + String(repeating: "€", count: 60)
        // When it is folded
        let folded = ContentLineWriter.fold(line)
        // Then every physical line is at most 75 octets, valid UTF-8, and joins back
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(folded.hasSuffix("\r\n"))
        #expect(physical.count > 2)
        for part in physical { #expect(part.utf8.count <= 75) }
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
    }

    @Test("escapes TEXT: backslash, semicolon, comma, newline")
    func escaping() {
        #expect(ContentLineWriter.escapeText("a\\b;c,d\ne") == #"a\\b\;c\,d\ne"#)
    }

    @Test("what the writer writes, the reader reads back")
    func roundTrip() throws {
        // Given a calendar with an all-day event, a zoned one and extensions
        var allDay = ICalEvent(line: 0)
        allDay.uid = "swiftconf-2025@example.org"
        allDay.summary = "SwiftConf 2025; Berlin, Germany"
        allDay.description = "Two days\nof talks – ünïcödé " + String(repeating: "long ", count: 30)
        allDay.location = "Berlin"
        allDay.categories = ["swift", "a,b"]
        allDay.start = ICalDateTime(year: 2025, month: 9, day: 14)
        allDay.end = ICalDateTime(year: 2025, month: 9, day: 16)
        allDay.stamp = .utc(Date(timeIntervalSince1970: 1_700_000_000))
        allDay.extensions = ["X-LANYARD-SLUG": "swiftconf-2025", "X-LANYARD-SERIES": "swiftconf"]
        var zoned = ICalEvent(line: 0)
        zoned.uid = "meetup"
        zoned.summary = "Meetup"
        zoned.start = ICalDateTime(year: 2025, month: 3, day: 1, time: (18, 30, 0), timeZoneID: "Europe/Paris")
        let calendar = ICalendar(name: "Lanyard, events", events: [allDay, zoned])
        // When written and read again
        let text = ICalendarWriter.write(calendar, productID: "-//Lanyard//Test//EN")
        let read = try #require(try ICalendarReader.parse(text).first)
        // Then the values are the same (lines aside)
        #expect(read.name == calendar.name)
        #expect(read.events.count == 2)
        var expected = calendar.events
        for i in expected.indices { expected[i].line = read.events[i].line }
        #expect(read.events == expected)
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
