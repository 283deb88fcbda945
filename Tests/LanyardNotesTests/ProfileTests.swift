import Foundation
import GRDB
import LanyardNotes
import LanyardStore
import Testing

@Suite("Profile")
struct ProfileTests {
    /// Anna, met twice, with contacts, facts (one updated), tags, notes and a sent follow-up.
    static func anna() throws -> (TestStore, Person) {
        let store = try TestStore()
        let anna = try store.person("Anna Schmidt", company: "Acme", title: "CTO")
        let conf24 = try store.event("swiftconf-2024", name: "SwiftConf 2024", city: "Leeds", on: "2024-09-10")
        let conf25 = try store.event("swiftconf-2025", name: "SwiftConf 2025", city: "Leeds", on: "2025-09-14")
        try store.meeting(anna, at: conf24, on: TestStore.day(-369), booth: "A1")
        let latest = try store.meeting(anna, at: conf25, on: TestStore.day(0), booth: "B12")
        try store.db.writer.write { db in
            var email = PersonEmail(personId: anna.id!, email: "anna@acme.test", normalized: "anna@acme.test", label: "work")
            try email.insert(db)
            var phone = PersonPhone(personId: anna.id!, phone: "+44 20 7946 0000", normalized: "02079460000")
            try phone.insert(db)
            var followUp = FollowUp(
                personId: anna.id!, eventId: conf25.id!, meetingId: latest.id, state: .sent, toAddress: "anna@acme.test",
                subject: "Great to meet you", body: "Hi Anna", template: "default",
                dueAt: TestStore.day(1, hour: 8), sentAt: TestStore.day(1, hour: 9))
            try followUp.insert(db)
        }
        try store.db.setFact(personId: anna.id!, key: "family", value: "one daughter", at: TestStore.day(-369))
        try store.db.setFact(personId: anna.id!, key: "family", value: "twin daughters", meetingId: latest.id, at: TestStore.day(0))
        try store.db.addTags(["investor", "swift-community"], personId: anna.id!)
        try store.db.addNote(personId: anna.id!, body: "Hiring iOS engineers", at: TestStore.day(-369))
        try store.db.addNote(personId: anna.id!, body: "Ask about the robot demo", meetingId: latest.id, at: TestStore.day(0, hour: 11))
        return (store, anna)
    }

    @Test("the profile gathers everything, newest first, with last in touch")
    func profile() throws {
        let (store, anna) = try Self.anna()
        let profile = try store.db.profile(personId: anna.id!)
        #expect(profile.name == "Anna Schmidt")
        #expect(profile.emails == [.init(value: "anna@acme.test", label: "work")])
        #expect(profile.phones.map(\.value) == ["+44 20 7946 0000"])
        #expect(profile.facts.map(\.value) == ["twin daughters"])
        #expect(profile.facts.first?.history.map(\.value) == ["one daughter"])
        #expect(profile.tags == ["investor", "swift-community"])
        #expect(profile.meetings.map(\.eventSlug) == ["swiftconf-2025", "swiftconf-2024"])
        #expect(profile.meetings.map(\.booth) == ["B12", "A1"])
        #expect(profile.meetings.first?.date == CalendarDay("2025-09-14"))
        #expect(profile.notes.map(\.body) == ["Ask about the robot demo", "Hiring iOS engineers"])
        #expect(profile.notes.first?.eventSlug == "swiftconf-2025")
        #expect(profile.followUps.map(\.state) == [.sent])
        // The sent email (day 1, 09:00) is later than the last note and meeting.
        #expect(profile.lastInTouch == TestStore.day(1, hour: 9))
        #expect(profile.lastInTouch == (try store.db.lastInTouch(personId: anna.id!)))
    }

    @Test("as JSON: snake_case keys, ISO 8601 dates")
    func json() throws {
        let (store, anna) = try Self.anna()
        let data = try LanyardJSON.encoder().encode(try store.db.profile(personId: anna.id!))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["name"] as? String == "Anna Schmidt")
        #expect(object["last_in_touch"] as? String == "2025-09-15T09:00:00Z")
        let meetings = try #require(object["meetings"] as? [[String: Any]])
        #expect(meetings.first?["event_slug"] as? String == "swiftconf-2025")
        #expect(meetings.first?["date"] as? String == "2025-09-14")
        let followUps = try #require(object["follow_ups"] as? [[String: Any]])
        #expect(followUps.first?["state"] as? String == "sent")
        let facts = try #require(object["facts"] as? [[String: Any]])
        #expect((facts.first?["history"] as? [[String: Any]])?.first?["value"] as? String == "one daughter")
    }

    @Test("as text: every section a user reads")
    func text() throws {
        let (store, anna) = try Self.anna()
        let text = try store.db.profile(personId: anna.id!).text(timeZone: TimeZone(identifier: "UTC")!)
        #expect(text.hasPrefix("Anna Schmidt — CTO, Acme  (id \(anna.id!))"))
        #expect(text.contains("  email     anna@acme.test (work)"))
        #expect(text.contains("  last in touch: 2025-09-15"))
        #expect(text.contains("  tags: investor, swift-community"))
        #expect(text.contains("  family: twin daughters  (learned 2025-09-14); before: one daughter (until 2025-09-14)"))
        #expect(text.contains("  2025-09-14  SwiftConf 2025 (swiftconf-2025), booth B12"))
        #expect(text.contains("  2024-09-10  SwiftConf 2024 (swiftconf-2024), booth A1"))
        #expect(text.contains("at swiftconf-2025: Ask about the robot demo"))
        #expect(text.contains("  swiftconf-2025: sent, sent 2025-09-15 — \"Great to meet you\""))
        let newer = try #require(text.range(of: "robot demo"))
        let older = try #require(text.range(of: "Hiring iOS"))
        #expect(newer.lowerBound < older.lowerBound)
    }

    @Test("someone never met has an empty profile, and an unknown id is an error")
    func bare() throws {
        let store = try TestStore()
        let zed = try store.person("Zed")
        let profile = try store.db.profile(personId: zed.id!)
        #expect(profile.lastInTouch == nil)
        #expect(profile.text().contains("last in touch: never"))
        #expect(throws: NotesError.unknownPerson("12345")) { try store.db.profile(personId: 12345) }
    }
}
