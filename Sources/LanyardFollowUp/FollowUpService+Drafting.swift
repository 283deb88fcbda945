import Foundation
import GRDB
import LanyardStore
import Logging

/// What a drafting run made.
public struct DraftReport: Codable, Sendable, Equatable {
    /// The new drafts.
    public var created: [FollowUpItem]
    /// How many of them lack values and need editing before approval.
    public var needingEdit: Int
}

extension FollowUpService {
    /// The scheduled run: drafts for every meeting whose day (in its event's time zone) has
    /// ended by `now`, once per person per event.
    public func draftDue(now: Date = Date()) throws -> DraftReport {
        try draft(eventSlug: nil, day: nil, now: now, endedDaysOnly: true, since: now.addingTimeInterval(-Self.scheduledLookback))
    }

    /// How far back the scheduled drafting looks: a thank-you is for the day after, so older
    /// meetings (an imported history, last year's editions) are drafted only on demand, and a
    /// big book never holds the write lock for long.
    public static let scheduledLookback: TimeInterval = 7 * 24 * 3600

    /// On demand (`lanyard followup draft`): drafts for meetings so far, of one event and/or one
    /// day when given. A person met twice at an event still gets one draft.
    public func draft(eventSlug: String?, day: CalendarDay?, now: Date = Date(), endedDaysOnly: Bool = false, since: Date? = nil) throws -> DraftReport {
        let settings = try settings()
        let due = FollowUpSettings.Schedule.parse(settings.followUp?.dueTime ?? "09:00") ?? (9, 0)
        let templates = FollowUpTemplates(configDirectory: configDirectory)
        let created: [FollowUp] = try database.writer.write { db in
            var eventId: Int64?
            if let eventSlug {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE slug = ?", arguments: [eventSlug]) else {
                    throw FollowUpError.unknownEvent(slug: eventSlug)
                }
                eventId = id
            }
            // Meetings of people with an email and no follow-up yet for that event, oldest first.
            let meetings = try Meeting.fetchAll(db, sql: """
                SELECT meeting.* FROM meeting
                WHERE meeting.at <= ? AND (? IS NULL OR meeting.at >= ?)
                  AND (? IS NULL OR meeting.eventId = ?)
                  AND EXISTS (SELECT 1 FROM personEmail e WHERE e.personId = meeting.personId)
                  AND NOT EXISTS (SELECT 1 FROM followUp f WHERE f.personId = meeting.personId AND f.eventId = meeting.eventId)
                ORDER BY meeting.at, meeting.id
                """, arguments: [now, since, since, eventId, eventId])
            var events: [Int64: Event] = [:]
            var done: Set<[Int64]> = []
            var created: [FollowUp] = []
            for meeting in meetings where !done.contains([meeting.personId, meeting.eventId]) {
                if events[meeting.eventId] == nil { events[meeting.eventId] = try Event.fetchOne(db, key: meeting.eventId) }
                guard let event = events[meeting.eventId] else { continue }
                let zone = TimeZone(identifier: event.timeZone) ?? TimeZone(identifier: "UTC")!
                let meetingDay = CalendarDay(meeting.at, in: zone)
                if let day, meetingDay != day { continue }
                let nextMorning = meetingDay.adding(days: 1).start(in: zone)
                if endedDaysOnly, nextMorning > now { continue }
                done.insert([meeting.personId, meeting.eventId])
                var followUp = try makeDraft(for: meeting, event: event, zone: zone, due: due, settings: settings, templates: templates, now: now, db: db)
                try followUp.insert(db, onConflict: .ignore)
                if followUp.id != nil { created.append(followUp) }
            }
            return created
        }
        logger.debug("follow-up drafts", metadata: ["created": "\(created.count)"])
        let items = try database.followUpItems(ids: created.compactMap(\.id))
        return DraftReport(created: items, needingEdit: items.filter { !$0.missing.isEmpty }.count)
    }

    private func makeDraft(
        for meeting: Meeting, event: Event, zone: TimeZone, due: (hour: Int, minute: Int),
        settings: FollowUpSettings, templates: FollowUpTemplates, now: Date, db: Database
    ) throws -> FollowUp {
        guard let person = try Person.fetchOne(db, key: meeting.personId) else { throw FollowUpError.notFound(id: meeting.personId) }
        let email = try String.fetchOne(db, sql: "SELECT email FROM personEmail WHERE personId = ? ORDER BY id LIMIT 1", arguments: [meeting.personId]) ?? ""
        let tags = try String.fetchAll(db, sql: "SELECT tag FROM tag WHERE personId = ? ORDER BY tag", arguments: [meeting.personId])
        let facts = try Fact.filter(Fact.Columns.personId == meeting.personId).current().fetchAll(db)
        let note = try Note.filter(Note.Columns.personId == meeting.personId)
            .order(Note.Columns.createdAt.desc, Note.Columns.id.desc).fetchOne(db)
        // The booth of any of their meetings at this event (the first that names one).
        let booth = try String.fetchOne(db, sql: """
            SELECT booth FROM meeting WHERE personId = ? AND eventId = ? AND booth IS NOT NULL AND booth <> '' ORDER BY at LIMIT 1
            """, arguments: [meeting.personId, meeting.eventId])
        let values = DraftValues(
            name: person.name, firstName: DraftValues.firstName(of: person.name), company: person.company,
            title: person.title, event: event.name, eventCity: event.city, booth: booth,
            facts: Dictionary(facts.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
            note: note?.body, senderName: settings.sender?.name, signature: settings.sender?.signature)
        let template = try templates.template(eventSlug: event.slug, tags: tags)
        let rendered = template.render(values)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let morning = CalendarDay(meeting.at, in: zone).adding(days: 1)
        let dueAt = calendar.date(from: DateComponents(year: morning.year, month: morning.month, day: morning.day, hour: due.hour, minute: due.minute))!
        return FollowUp(
            personId: meeting.personId, eventId: meeting.eventId, meetingId: meeting.id, state: .draft,
            toAddress: email, subject: rendered.subject, body: rendered.body, template: template.name,
            missing: FollowUp.storedMissing(rendered.missing), dueAt: dueAt, createdAt: now, updatedAt: now)
    }
}
