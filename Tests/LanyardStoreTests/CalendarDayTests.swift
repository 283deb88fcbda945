import Foundation
import GRDB
import Testing
@testable import LanyardStore

/// `CalendarDay` parses its text on the bytes, from a String or straight from a column: it
/// must accept exactly what the parse on Characters accepted, and give the same day.
@Suite("CalendarDay")
struct CalendarDayTests {
    @Test("parses real dates and refuses the rest", arguments: [
        ("2025-09-14", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-13-01", false),
        ("2025-9-14", false), ("14/09/2025", false), ("", false), ("2025-09-14T10:00", false), ("２０２５-09-14", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((CalendarDay(text) != nil) == valid)
    }

    @Test("adds days across month ends")
    func adding() {
        #expect(CalendarDay("2025-02-28")!.adding(days: 1).description == "2025-03-01")
        #expect(CalendarDay("2025-01-01")!.adding(days: -1).description == "2024-12-31")
    }

    @Test("writes YYYY-MM-DD zero-padded, as it parses it back", arguments: [
        (1, 1, 1, "0001-01-01"), (987, 6, 5, "0987-06-05"), (2025, 9, 14, "2025-09-14"), (2024, 12, 31, "2024-12-31"),
        (9999, 12, 31, "9999-12-31"),
    ])
    func text(year: Int, month: Int, day: Int, expected: String) throws {
        let calendarDay = try #require(CalendarDay(year: year, month: month, day: day))
        #expect(calendarDay.description == expected)
        #expect(CalendarDay(expected) == calendarDay)
    }

    /// The parse on Characters that the byte parse replaced, kept here as the reference.
    static func characterParse(_ text: String) -> CalendarDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        return CalendarDay(year: y, month: m, day: d)
    }

    /// Near misses: other digits (Arabic-Indic, full-width, superscript), combining marks,
    /// signs, spaces, a CRLF, other dashes, and lengths around ten.
    static let awkward = ["2025-09-14", "2025-9-14", "2025-09-4", "02025-09-14", "2025-09-140", "2025/09/14", "2025-09-14 ",
                          " 2025-09-14", "2025-09-14\n", "2025-09\r\n14", "+025-09-14", "-025-09-14", "2025--9-14", "2025-0914-",
                          "٢٠٢٥-٠٩-١٤", "２０２５-０９-１４", "2025-0²-14", "2025-09-1\u{301}", "2025\u{2010}09-14", "2025-09-1\u{0}",
                          "0000-01-01", "0001-01-01", "9999-12-31", "2024-02-29", "2025-02-29", "1900-02-29", "2000-02-29",
                          "2025-00-10", "2025-13-10", "2025-04-31", "2025-04-00", "", "-", "--", "2025-09-", "abcd-ef-gh"]

    @Test("The byte parse accepts what the Character parse accepted, near misses and 200,000 random strings")
    func sameAsCharacters() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [String] = ["0", "1", "2", "5", "9", "-", " ", "٣", "５", "\u{301}", "x", "\r\n", "²"]
        var texts = Self.awkward
        for _ in 0..<100_000 {
            // Mostly the right shape, with one character swapped.
            var shaped = Array(String(format: "%04d-%02d-%02d", Int.random(in: 0...9999, using: &generator),
                                      Int.random(in: 0...14, using: &generator), Int.random(in: 0...32, using: &generator)))
            if Bool.random(using: &generator) {
                shaped[Int.random(in: 0..<shaped.count, using: &generator)] = Character(alphabet.randomElement(using: &generator)!)
            }
            texts.append(String(shaped))
            texts.append((0..<Int.random(in: 8...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            #expect(CalendarDay(text) == Self.characterParse(text), "\(text.debugDescription)")
        }
    }

    @Test("Every day of four centuries reads back from its text")
    func everyDay() {
        var day = CalendarDay(year: 1900, month: 1, day: 1)!
        for _ in 0..<146_097 {
            #expect(CalendarDay(day.description) == day)
            day = day.adding(days: 1)
        }
        #expect(day == CalendarDay(year: 2300, month: 1, day: 1))
    }

    @Test("A column decodes as its text does: text and blobs that parse, NULL as nil, anything else an error")
    func fromColumns() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            for text in Self.awkward {
                if let day = CalendarDay(text) {
                    #expect(try CalendarDay.fetchOne(db, sql: "SELECT ?", arguments: [text]) == day)
                    #expect(try CalendarDay.fetchOne(db, sql: "SELECT CAST(? AS BLOB)", arguments: [text]) == day)
                    let row = try #require(try Row.fetchOne(db, sql: "SELECT ?", arguments: [text]))
                    #expect(row[0] as CalendarDay == day)
                } else {
                    #expect(throws: (any Error).self, "\(text.debugDescription)") {
                        try CalendarDay?.fetchOne(db, sql: "SELECT ?", arguments: [text])
                    }
                }
            }
            #expect(try CalendarDay?.fetchOne(db, sql: "SELECT NULL") == .some(nil))
            #expect(throws: (any Error).self) { try CalendarDay?.fetchOne(db, sql: "SELECT 20250914") }
            #expect(try CalendarDay.fetchAll(db, sql: "SELECT '2025-09-14' UNION ALL SELECT '2026-01-01'")
                    == [CalendarDay(year: 2025, month: 9, day: 14)!, CalendarDay(year: 2026, month: 1, day: 1)!])
        }
    }
}
