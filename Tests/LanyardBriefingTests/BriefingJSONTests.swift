import Foundation
import LanyardStore
import Testing
@testable import LanyardBriefing

@Suite("Briefing JSON written directly agrees with JSONEncoder")
struct BriefingJSONTests {
    /// Text that needs every kind of escaping, and some that needs none.
    static let awkward = [
        "", "plain", "Chloé Dubois", "Zoë “Zo” O'Brien", "say \"hi\" \\ back\\", "line one\nline two\r\nthree\ttabbed",
        "🎉 emoji 👩🏽‍💻 and flags 🇩🇪", "slashes / stay // unescaped", "controls \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F} end",
        "separators \u{2028}\u{2029}", "東京 · Zürich · İstanbul", "<script>alert('x')</script> & co",
    ]

    /// A briefing with awkward text in every string, nil and empty fields, odd dates.
    static func variedBriefing(notice: String?, since: CalendarDay?) -> Briefing {
        func text(_ i: Int) -> String { awkward[i % awkward.count] }
        let dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: -86_400.5),
            Date(timeIntervalSince1970: 1_789_000_000.999), Date(timeIntervalSince1970: -62_000_000_000), // year 5
            Date(timeIntervalSince1970: 253_402_300_799), // 9999-12-31T23:59:59Z
            Date(timeIntervalSince1970: 253_402_300_800 + 86_400 * 40), // year 10000: the general rule's text
            BriefingFixture.now,
        ]
        func date(_ i: Int) -> Date { dates[i % dates.count] }
        var people: [BriefingPerson] = []
        for i in 0..<14 {
            let meeting = BriefingPerson.MeetingLine(
                eventSlug: "ev-\(i)", eventName: text(i + 1), year: 2020 + i, day: CalendarDay(year: 1 + i * 700, month: 1 + i % 12, day: 1 + i)!,
                city: i % 3 == 0 ? nil : text(i + 2), booth: i % 2 == 0 ? nil : text(i + 3), context: i % 4 == 0 ? text(i) : nil)
            people.append(BriefingPerson(
                id: i == 13 ? -7 : Int64(i) * 1_000_003, name: text(i), company: i % 2 == 0 ? nil : text(i + 4), title: i % 3 == 0 ? text(i + 5) : nil,
                reasons: i == 5 ? [] : [text(i + 6), "met at \(text(i + 7))"],
                flags: Array(BriefingPerson.Flag.allCases.prefix(i % 4)), strength: i * 7 - 20,
                seriesMeetings: i % 5 == 0 ? [] : [meeting, meeting], otherMeetings: i % 2 == 0 ? [meeting] : [],
                lastInTouch: i % 4 == 1 ? nil : date(i),
                askAbout: i % 3 == 0 ? [] : [text(i + 8)],
                facts: i % 2 == 0 ? [] : [.init(key: text(i + 9), value: text(i + 10)), .init(key: "family", value: "two kids")],
                notes: (0..<(i % 4)).map { .init(createdAt: date(i + $0), body: text(i + $0 + 11)) },
                noteCount: i % 4 + i,
                unsentFollowUps: i % 3 == 1 ? [] : [.init(eventSlug: text(i + 1), eventName: text(i + 2), subject: text(i + 3), state: "draft", dueAt: date(i + 3))]))
        }
        return Briefing(
            event: .init(Event(slug: "swiftconf-2026", name: "SwiftConf “2026” 🎉", series: "swift\\conf", startDate: CalendarDay("2026-09-14")!,
                               endDate: CalendarDay("2026-09-16")!, city: since == nil ? "Zürich" : nil, timeZone: "Europe/Zurich")),
            generatedAt: BriefingFixture.now, since: since, windowStart: date(2), staleAfterDays: 365,
            earlierEditions: [
                .init(slug: "swiftconf-2024", name: text(2), startDate: CalendarDay("2024-09-10")!, city: nil, peopleMet: 0),
                .init(slug: "swiftconf-2025", name: text(3), startDate: CalendarDay("2025-09-15")!, city: "Zürich", peopleMet: 123_456),
            ],
            matchTerms: since == nil ? ["Zürich", "swift\\conf"] : [],
            notice: notice,
            summary: .init(people: 14, stale: 3, neverFollowedUp: 0, newSinceLastEdition: 2, lastEdition: since == nil ? text(6) : nil),
            seriesPeople: Array(people.prefix(9)), relatedPeople: Array(people.dropFirst(9)))
    }

    func encoderDocument(_ briefing: Briefing) throws -> [UInt8] {
        Array(try LanyardJSON.encoder(pretty: false).encode(briefing))
    }

    func same(_ briefing: Briefing, _ label: String) throws {
        let direct = JSONBriefingRenderer.bytes(briefing)
        let encoded = try encoderDocument(briefing)
        // Same keys and values, whatever the formatting...
        let directObject = try JSONSerialization.jsonObject(with: Data(direct)) as? NSDictionary
        let encodedObject = try JSONSerialization.jsonObject(with: Data(encoded)) as? NSDictionary
        #expect(directObject != nil, "\(label): not a JSON object")
        #expect(directObject == encodedObject, "\(label): different keys or values")
        // ... and in fact the same bytes.
        #expect(String(decoding: direct, as: UTF8.self) == String(decoding: encoded, as: UTF8.self), "\(label)")
        // It decodes back to what the encoder's document decodes to.
        let decoder = LanyardJSON.decoder()
        #expect(try decoder.decode(Briefing.self, from: Data(direct)) == decoder.decode(Briefing.self, from: Data(encoded)), "\(label)")
    }

    @Test("Over a varied briefing: accents, quotes, emoji, newlines, controls, nil and empty fields, odd dates")
    func varied() throws {
        try same(Self.variedBriefing(notice: nil, since: nil), "no notice, no since")
        try same(Self.variedBriefing(notice: "no earlier editions of “swift\\conf” — here\nis who", since: CalendarDay("2025-01-01")), "notice and since")
    }

    @Test("Over the fixture's briefings, and every format renders JSON through it")
    func fixture() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }
        for briefing in [try fixture.briefing(), try fixture.briefing(since: CalendarDay("2025-01-01"), staleAfter: 30)] {
            try same(briefing, "fixture")
            #expect(try BriefingFormat.json.render(briefing) == String(decoding: try encoderDocument(briefing), as: UTF8.self) + "\n")
        }
    }

    @Test("Every code point class escapes as the encoder escapes it")
    func everyCharacter() throws {
        var briefing = Self.variedBriefing(notice: nil, since: nil)
        let codes: [UInt32] = Array(0..<0x800) + [0xFFFD, 0xFEFF, 0x1F600, 0x10FFFF]
        let scalars = codes.compactMap { Unicode.Scalar($0) }
        briefing.matchTerms = scalars.map { String(Character($0)) }
        briefing.notice = String(String.UnicodeScalarView(scalars))
        try same(briefing, "every character")
    }

    @Test("Dates are written as LanyardJSON.timestamp writes them")
    func dates() throws {
        var mismatches: [String] = []
        var seconds = -62_135_596_800.0 - 86_400 * 3 // before year 1, through year 9999 and past it
        while seconds < 253_402_300_800 + 86_400 * 800 {
            for offset in [0.0, 0.25, 0.999, 59.5, 3_599.0] {
                let date = Date(timeIntervalSince1970: seconds + offset)
                var writer = JSONBytes()
                writer.date(date)
                let written = String(decoding: writer.bytes, as: UTF8.self)
                if written != "\"\(LanyardJSON.timestamp(date))\"" { mismatches.append("\(seconds + offset): \(written)") }
            }
            seconds += 86_400 * 397 + 3_671
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
