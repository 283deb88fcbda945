import Foundation
import LanyardEvents
import LanyardStore
import Testing

@Suite("When a check-in gives no time")
struct MeetingTimeTests {
    let event = Event(slug: "swiftleeds-2024", name: "SwiftLeeds 2024", series: "swiftleeds",
                      startDate: CalendarDay("2024-10-07")!, endDate: CalendarDay("2024-10-08")!, timeZone: "Europe/London")

    @Test("during the event, the meeting is now")
    func duringTheEvent() {
        // 2024-10-08 22:30 UTC is 23:30 in London, still the event's last day
        let now = ISO8601DateFormatter().date(from: "2024-10-08T22:30:00Z")!
        #expect(AppDatabase.defaultMeetingTime(at: event, now: now) == now)
    }

    @Test("after the event, the meeting is filed under the event's first day, at noon local time")
    func afterTheEvent() {
        let now = ISO8601DateFormatter().date(from: "2026-11-22T10:00:00Z")!
        let filed = AppDatabase.defaultMeetingTime(at: event, now: now)
        #expect(filed == ISO8601DateFormatter().date(from: "2024-10-07T11:00:00Z")!) // noon BST
    }
}
