import Foundation
import GRDB
import LanyardEvents
import LanyardStore
import Testing
@testable import LanyardBriefing

@Suite("Briefing: who is listed, in what order, with which flags")
struct BriefingTests {
    @Test("Section 1 lists everyone met at earlier editions, strongest relationship first")
    func seriesSection() throws {
        // Given three SwiftConf editions with repeat (Ada) and one-off (Ben, Chloé) attendees
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        // When briefing for the 2026 edition two weeks ahead
        let briefing = try fixture.briefing()

        // Then the earlier editions' people come strongest first, with their flags
        #expect(Briefing.names(briefing.seriesPeople) == ["Ada Lovelace", "Ben Okafor", "Chloé Dubois"])
        #expect(briefing.seriesPeople.map(\.strength) == [26, 5, 3])
        #expect(briefing.earlierEditions.map(\.slug) == ["swiftconf-2024", "swiftconf-2025"])
        #expect(briefing.earlierEditions.map(\.peopleMet) == [2, 2])
        let ada = try #require(briefing.person("Ada Lovelace"))
        let ben = try #require(briefing.person("Ben Okafor"))
        let chloe = try #require(briefing.person("Chloé Dubois"))
        #expect(ada.flags == [])
        #expect(ben.flags == [.neverFollowedUp, .new])
        #expect(chloe.flags == [.stale, .neverFollowedUp])
        #expect(ada.reasons == ["met at SwiftConf 2024 and SwiftConf 2025", "a note mentions “Berlin”", "a note mentions “swiftconf”"])
        #expect(ben.reasons == ["met at SwiftConf 2025"])
        #expect(briefing.notice == nil)
    }

    @Test("Each person carries meetings, last contact, facts, newest notes, unsent follow-ups and things to ask")
    func personDetails() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let briefing = try fixture.briefing()

        let ada = try #require(briefing.person("Ada Lovelace"))
        #expect(ada.company == "Analytical Engines")
        #expect(ada.title == "CTO")
        #expect(ada.seriesMeetings.map(\.year) == [2024, 2025])
        #expect(ada.seriesMeetings.map(\.booth) == ["A12", "A12"])
        #expect(ada.seriesMeetings.map(\.day.description) == ["2024-09-10", "2025-09-15"])
        #expect(ada.otherMeetings.isEmpty)
        #expect(ada.lastInTouch == BriefingFixture.date("2026-05-01T12:00:00Z"))
        #expect(ada.askAbout == ["the Rust port", "her marathon"])
        #expect(ada.facts.map(\.key) == ["family"])
        #expect(ada.facts.map(\.value) == ["twin daughters"])
        #expect(ada.notes.map(\.body) == ["Sent her the SwiftConf CFP link", "Moved to a new team", "Training for the Berlin marathon"])
        #expect(ada.noteCount == 4)
        #expect(ada.unsentFollowUps.isEmpty)

        let ben = try #require(briefing.person("Ben Okafor"))
        #expect(ben.unsentFollowUps.map(\.subject) == ["Great to meet you at SwiftConf"])
        #expect(ben.unsentFollowUps.map(\.state) == ["draft"])
        #expect(ben.lastInTouch == BriefingFixture.date("2025-09-15T16:00:00Z"))
        #expect(ben.askAbout.isEmpty)

        let chloe = try #require(briefing.person("Chloé Dubois"))
        #expect(chloe.unsentFollowUps.map(\.state) == ["failed"])
        #expect(chloe.seriesMeetings.map(\.booth) == [nil])
    }

    @Test("Section 2 lists people met elsewhere lately who are tagged, noted or met in the city or series")
    func relatedSection() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let briefing = try fixture.briefing()

        // Finn's note says "Berliner", not "Berlin"; Gus was met 18 months ago.
        #expect(Briefing.names(briefing.relatedPeople) == ["Eve Novak", "Hana Sato", "Dan Reyes"])
        #expect(briefing.relatedPeople.map(\.strength) == [15, 9, 5])
        #expect(briefing.person("Eve Novak")?.reasons == ["a note mentions “swiftconf”"])
        #expect(briefing.person("Hana Sato")?.reasons == ["met at Berlin Swift Meetup 2026 in Berlin"])
        #expect(briefing.person("Dan Reyes")?.reasons == ["tagged “BERLIN”"])
        #expect(briefing.person("Eve Novak")?.flags == [.new])
        #expect(briefing.person("Dan Reyes")?.flags == [.neverFollowedUp, .new])
        #expect(briefing.person("Dan Reyes")?.otherMeetings.map(\.eventSlug) == ["iosdevuk-2026"])
        #expect(briefing.person("Dan Reyes")?.seriesMeetings.isEmpty == true)
        #expect(briefing.person("Finn Walsh") == nil)
        #expect(briefing.person("Gus Lindqvist") == nil)
        #expect(briefing.matchTerms == ["Berlin", "swiftconf"])
    }

    @Test("The summary counts people, stale, never followed up and new since the last edition")
    func summary() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let summary = try fixture.briefing().summary

        #expect(summary == Briefing.Summary(people: 6, stale: 1, neverFollowedUp: 4, newSinceLastEdition: 4, lastEdition: "SwiftConf 2025"))
    }

    @Test("--stale-after moves the stale line")
    func staleAfter() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let briefing = try fixture.briefing(staleAfter: 300)

        // Ben's last contact is 351 days old: fresh under 365, stale under 300.
        #expect(briefing.person("Ben Okafor")?.has(.stale) == true)
        #expect(briefing.person("Dan Reyes")?.has(.stale) == false)
        #expect(briefing.summary.stale == 2)
        #expect(briefing.staleAfterDays == 300)
    }

    @Test("--since narrows section 1 to later editions and widens section 2 back to that day")
    func since() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let briefing = try fixture.briefing(since: CalendarDay("2025-01-01"))

        #expect(briefing.earlierEditions.map(\.slug) == ["swiftconf-2025"])
        #expect(Briefing.names(briefing.seriesPeople) == ["Ada Lovelace", "Ben Okafor"])
        #expect(briefing.person("Ada Lovelace")?.seriesMeetings.map(\.year) == [2025])
        #expect(Briefing.names(briefing.relatedPeople) == ["Eve Novak", "Hana Sato", "Dan Reyes", "Gus Lindqvist"])
        #expect(briefing.person("Gus Lindqvist")?.flags == [.stale, .neverFollowedUp])
        #expect(briefing.since == CalendarDay("2025-01-01"))
    }

    @Test("A series with no earlier editions says so and lists who was met in the city instead")
    func noSeriesHistory() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }
        try fixture.database.addEvent(EventDraft(slug: "swiftsummit-2026", name: "Swift Summit 2026", series: "swiftsummit", start: "2026-10-01", city: "Berlin"))

        let briefing = try fixture.briefing("swiftsummit-2026")

        #expect(briefing.notice == "no earlier editions of swiftsummit — here is who you met in Berlin instead")
        #expect(briefing.seriesPeople.isEmpty)
        #expect(Briefing.names(briefing.relatedPeople) == ["Ada Lovelace", "Hana Sato", "Dan Reyes", "Ben Okafor"])
        #expect(briefing.person("Ben Okafor")?.reasons == ["met at SwiftConf 2025 in Berlin"])
        #expect(briefing.summary.lastEdition == nil)
        #expect(briefing.summary.newSinceLastEdition == 0)
        #expect(briefing.person("Ada Lovelace")?.seriesMeetings.isEmpty == true)
        #expect(briefing.person("Ada Lovelace")?.otherMeetings.map(\.eventSlug) == ["swiftconf-2025"])
    }

    @Test("Matching ignores case and accents and needs whole words")
    func matching() throws {
        #expect(TextMatch("Zürich")!.matches("moving to ZURICH soon"))
        #expect(TextMatch("zurich")!.matches("Zürich-2025"))
        #expect(TextMatch("try-swift-tokyo")!.matches("See you at Try! Swift Tokyo"))
        #expect(!TextMatch("Berlin")!.matches("near the Berliner Dom"))
        #expect(TextMatch("  --  ") == nil)
        #expect(AskAbout.isAskAboutKey("ask-about"))
        #expect(AskAbout.isAskAboutKey("Ask About"))
        #expect(!AskAbout.isAskAboutKey("asked about"))
        #expect(AskAbout.topic(fromTag: "ask-about: her marathon") == "her marathon")
        #expect(AskAbout.topic(fromTag: "Ask About Rust") == "Rust")
        #expect(AskAbout.topic(fromTag: "ask-about") == nil)
        #expect(AskAbout.topic(fromTag: "basketball") == nil)
    }

    @Test("An accented city matches unaccented tags")
    func accentedCity() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }
        try fixture.database.addEvent(EventDraft(slug: "swissconf-2026", name: "SwissConf 2026", series: "swissconf", start: "2026-10-01", city: "Zürich"))
        try fixture.database.writer.write { db in
            try Tag(personId: fixture.id("finn"), tag: "zurich").insert(db)
        }

        let briefing = try fixture.briefing("swissconf-2026")

        #expect(Briefing.names(briefing.relatedPeople) == ["Finn Walsh"])
        #expect(briefing.person("Finn Walsh")?.reasons == ["tagged “zurich”"])
    }

    @Test("A current edition can be briefed; a past one, an unknown one and bad options cannot")
    func badInput() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        // During SwiftConf 2026 itself
        let during = try fixture.briefing(now: BriefingFixture.date("2026-09-15T10:00:00Z"))
        #expect(Briefing.names(during.seriesPeople) == ["Ada Lovelace", "Ben Okafor", "Chloé Dubois"])

        #expect(throws: EventError.unknownEvent(slug: "nope-2026")) { try fixture.briefing("nope-2026") }
        let past = #expect(throws: BriefingError.self) { try fixture.briefing("swiftconf-2025") }
        #expect(past == .pastEvent(slug: "swiftconf-2025", ended: CalendarDay("2025-09-16")!, next: "swiftconf-2026"))
        #expect(past?.description.contains("try swiftconf-2026") == true)
        #expect(throws: BriefingError.sinceInFuture(since: CalendarDay("2026-12-01")!, today: CalendarDay("2026-09-01")!)) {
            try fixture.briefing(since: CalendarDay("2026-12-01"))
        }
        #expect(throws: BriefingError.invalidStaleAfter(days: 0)) { try fixture.briefing(staleAfter: 0) }
        #expect(throws: BriefingError.invalidDate(field: "--since", value: "2025-02-30")) { try Briefing.parseDay("2025-02-30") }
        #expect(try Briefing.parseDay("2025-02-28") == CalendarDay("2025-02-28"))
    }

    @Test("Relationship strength follows the documented formula")
    func strengthFormula() {
        let now = BriefingFixture.now
        let recent = RelationshipStrength(meetings: 2, notes: 4, followUpsSent: 2, lastInTouch: now.addingTimeInterval(-89 * 86_400))
        #expect(recent.score(at: now) == 6 + 8 + 8 + 6)
        #expect(RelationshipStrength(meetings: 1, notes: 0, followUpsSent: 0, lastInTouch: now.addingTimeInterval(-179 * 86_400)).score(at: now) == 3 + 4)
        #expect(RelationshipStrength(meetings: 1, notes: 0, followUpsSent: 0, lastInTouch: now.addingTimeInterval(-364 * 86_400)).score(at: now) == 3 + 2)
        #expect(RelationshipStrength(meetings: 1, notes: 0, followUpsSent: 0, lastInTouch: now.addingTimeInterval(-400 * 86_400)).score(at: now) == 3)
        #expect(RelationshipStrength(meetings: 0, notes: 0, followUpsSent: 0, lastInTouch: nil).score(at: now) == 0)
    }
}

@Suite("Days without a Calendar per call")
struct DayCalculatorTests {
    @Test("Agrees with CalendarDay(date, in:) across zones, DST changes, leap days and 1969")
    func agreesWithCalendar() {
        for zone in ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati"] {
            let calculator = DayCalculator(identifier: zone)
            let timeZone = TimeZone(identifier: zone)!
            var date = BriefingFixture.date("1969-12-25T00:00:00Z")
            while date < BriefingFixture.date("2029-01-01T00:00:00Z") {
                #expect(calculator.day(date) == CalendarDay(date, in: timeZone), "\(zone) \(date)")
                date = date.addingTimeInterval(86_400 * 29 + 3_607)
            }
        }
        #expect(DayCalculator(identifier: "Europe/Berlin").day(BriefingFixture.date("2024-02-29T23:30:00Z")) == CalendarDay("2024-03-01"))
        #expect(DayCalculator(identifier: "Nowhere/Atlantis").day(BriefingFixture.date("2024-02-29T23:30:00Z")) == CalendarDay("2024-02-29"))
    }
}
