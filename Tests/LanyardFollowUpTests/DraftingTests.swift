import Foundation
import LanyardFollowUp
import LanyardStore
import Testing

@Suite("Drafting follow-ups")
struct DraftingTests {
    let day1 = Fixture.date("2026-05-14T15:30:00Z") // 17:30 in Berlin
    let day2 = Fixture.date("2026-05-15T10:00:00Z")
    let morningAfter = Fixture.date("2026-05-15T06:00:00Z") // 08:00 in Berlin: day 1 is over

    @Test("Once per person per event, due at 09:00 the next morning in the event's time zone")
    func oncePerPersonPerEvent() throws {
        // Given Grace met twice, Alan without an email, and Linus met only today
        let fx = try Fixture()
        try fx.configure()
        let event = try fx.event()
        let grace = try fx.personMet("Grace Hopper", email: "grace@example.com", at: day1, event: event)
        try fx.meetAgain(grace, event: event, at: day1.addingTimeInterval(3600))
        try fx.personMet("Alan Turing", email: nil, at: day1, event: event)
        try fx.personMet("Linus Torvalds", email: "linus@example.com", at: morningAfter.addingTimeInterval(-60), event: event)

        // When the scheduled drafting runs the morning after, twice
        let first = try fx.service().draftDue(now: morningAfter)
        let second = try fx.service().draftDue(now: morningAfter)

        // Then only Grace has a draft, once, due 09:00 Berlin (07:00 UTC in May)
        #expect(first.created.map(\.personName) == ["Grace Hopper"])
        #expect(first.created.first?.dueAt == Fixture.date("2026-05-15T07:00:00Z"))
        #expect(first.created.first?.state == .draft)
        #expect(first.created.first?.missing == [])
        #expect(second.created.isEmpty)
        #expect(try fx.database.followUpItems().count == 1)
    }

    @Test("The schedule looks back a week only: older meetings are drafted on demand")
    func scheduleLooksBackAWeek() throws {
        // Given Grace met at this event and Ada met a month earlier (an imported history)
        let fx = try Fixture()
        try fx.configure()
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: day1, event: event)
        try fx.personMet("Ada Lovelace", email: "ada@example.com", at: day1.addingTimeInterval(-30 * 24 * 3600), event: event)

        // When the scheduled drafting runs the morning after, then only Grace is drafted
        #expect(try fx.service().draftDue(now: morningAfter).created.map(\.personName) == ["Grace Hopper"])
        // And asking for the event's drafts on demand makes Ada's too
        #expect(try fx.service().draft(eventSlug: "swiftconf-2026", day: nil, now: morningAfter).created.map(\.personName) == ["Ada Lovelace"])
    }

    @Test("On demand, --date picks one day's meetings, even before the day ends; --event an unknown slug fails")
    func onDemand() throws {
        let fx = try Fixture()
        try fx.configure()
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: day1, event: event)
        try fx.personMet("Linus Torvalds", email: "linus@example.com", at: day2, event: event)
        let report = try fx.service().draft(eventSlug: "swiftconf-2026", day: CalendarDay("2026-05-15"), now: day2.addingTimeInterval(60))
        #expect(report.created.map(\.personName) == ["Linus Torvalds"])
        #expect(report.created.first?.dueAt == Fixture.date("2026-05-16T07:00:00Z"))
        #expect(throws: FollowUpError.unknownEvent(slug: "nope")) { try fx.service().draft(eventSlug: "nope", day: nil) }
    }

    @Test("The due time is configurable")
    func configurableDueTime() throws {
        let fx = try Fixture()
        var settings = FollowUpSettings(sender: .init(name: "Ada", email: "ada@example.org"), followUp: .init(dueTime: "08:15"))
        try settings.save(to: fx.configDirectory)
        settings = try FollowUpSettings.load(from: fx.configDirectory)
        #expect(settings.followUp?.dueTime == "08:15")
        let event = try fx.event(timeZone: "America/New_York")
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: day1, event: event)
        let report = try fx.service().draftDue(now: Fixture.date("2026-05-16T00:00:00Z"))
        #expect(report.created.first?.dueAt == Fixture.date("2026-05-15T12:15:00Z")) // 08:15 EDT
    }

    @Test("The default template uses name, event, booth and company, leaving absent optional parts out")
    func defaultTemplate() throws {
        let fx = try Fixture()
        try fx.configure()
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", company: "Navy", at: day1, event: event, booth: "B12")
        try fx.personMet("Alan Turing", email: "alan@example.com", at: day1, event: event)
        let items = try fx.service().draftDue(now: morningAfter).created
        let grace = try #require(items.first { $0.personName == "Grace Hopper" })
        let alan = try #require(items.first { $0.personName == "Alan Turing" })
        #expect(grace.subject == "Great meeting you at SwiftConf 2026")
        #expect(grace.body.hasPrefix("Hi Grace,\n"))
        #expect(grace.body.contains("at SwiftConf 2026 (at the B12 booth)."))
        #expect(grace.body.contains("what Navy is working on"))
        #expect(grace.body.contains("Ada Lovelace\nAda — lanyard.example"))
        #expect(grace.template == "builtin")
        #expect(alan.missing.isEmpty)
        #expect(!alan.body.contains("booth"))
        #expect(!alan.body.contains("working on"))
    }

    @Test("A user template can use facts and the newest note; a value it needs and lacks is recorded, not blanked")
    func factsNoteAndMissing() throws {
        // Given a template that needs the company, a fact and the newest note
        let fx = try Fixture()
        try fx.configure()
        try fx.writeTemplate("default", """
            Subject: Thanks, {{first_name}}!

            Dear {{first_name}} of {{company}},
            {{note}}. How is {{facts.hobby}}?{{#facts.family}} Greetings to {{facts.family}}.{{/facts.family}}
            """)
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", company: "Navy", at: day1, event: event,
                         facts: ["hobby": "marathon training"], note: "Hope the marathon training is going well")
        try fx.personMet("Alan Turing", email: "alan@example.com", at: day1, event: event)

        // When drafting
        let items = try fx.service().draftDue(now: morningAfter).created
        let grace = try #require(items.first { $0.personName == "Grace Hopper" })
        let alan = try #require(items.first { $0.personName == "Alan Turing" })

        // Then Grace's draft is complete and Alan's names what it lacks
        #expect(grace.subject == "Thanks, Grace!")
        #expect(grace.body == "Dear Grace of Navy,\nHope the marathon training is going well. How is marathon training?")
        #expect(grace.missing.isEmpty)
        #expect(grace.template == "default")
        #expect(alan.missing == ["company", "facts.hobby", "note"])
        #expect(alan.body.contains("of [missing: company],"))
        #expect(!alan.body.contains("of ,"))
    }

    @Test("Templates per event beat templates per tag, which beat the user's default")
    func templateChoice() throws {
        let fx = try Fixture()
        try fx.configure()
        try fx.writeTemplate("default", "Subject: default\n\nx")
        try fx.writeTemplate("tag-investor", "Subject: investor\n\nx")
        try fx.writeTemplate("event-other-2026", "Subject: other event\n\nx")
        let event = try fx.event()
        let other = try fx.event("other-2026", name: "Other 2026")
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: day1, event: event, tags: ["investor"])
        try fx.personMet("Alan Turing", email: "alan@example.com", at: day1, event: event)
        try fx.personMet("Linus Torvalds", email: "linus@example.com", at: day1, event: other, tags: ["investor"])
        let subjects = Dictionary(uniqueKeysWithValues: try fx.service().draftDue(now: morningAfter).created.map { ($0.personName, $0.subject) })
        #expect(subjects == ["Grace Hopper": "investor", "Alan Turing": "default", "Linus Torvalds": "other event"])
    }

    @Test("A broken template is reported with its file and line, and no draft is half-made")
    func brokenTemplate() throws {
        let fx = try Fixture()
        try fx.writeTemplate("default", "Subject: hi\n\nline one\n{{#open}}never closed\n")
        let event = try fx.event()
        try fx.personMet("Grace Hopper", email: "grace@example.com", at: day1, event: event)
        let error = try #require(throws: FollowUpError.self) { try fx.service().draftDue(now: morningAfter) }
        #expect(error.description.contains("default.mustache:"))
        #expect(try fx.database.followUpItems().isEmpty)
        try fx.writeTemplate("default", "Hello\n")
        #expect(throws: FollowUpError.self) { try fx.service().draftDue(now: morningAfter) }
    }
}
