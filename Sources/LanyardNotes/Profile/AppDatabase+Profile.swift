import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    /// The profile of one person, read in one transaction; `NotesError.unknownPerson` if absent.
    public func profile(personId: Int64) throws -> PersonProfile {
        try reader.read { db in try Self.profile(personId: personId, in: db) }
    }

    /// The profile inside a read.
    public static func profile(personId: Int64, in db: Database) throws -> PersonProfile {
        guard let person = try Person.fetchOne(db, id: personId) else {
            throw NotesError.unknownPerson(String(personId))
        }
        let emails = try PersonEmail.filter(PersonEmail.Columns.personId == personId).order(Column("id")).fetchAll(db)
        let phones = try PersonPhone.filter(PersonPhone.Columns.personId == personId).order(Column("id")).fetchAll(db)

        let allFacts = try Fact.filter(Fact.Columns.personId == personId)
            .order(Fact.Columns.key, Fact.Columns.learnedAt.desc, Column("id").desc).fetchAll(db)
        let facts = allFacts.filter { $0.supersededAt == nil }.map { fact in
            PersonProfile.FactEntry(
                key: fact.key, value: fact.value, learnedAt: fact.learnedAt, meetingId: fact.meetingId,
                history: allFacts.compactMap { old in
                    guard old.key == fact.key, let supersededAt = old.supersededAt else { return nil }
                    return PersonProfile.PastValue(value: old.value, learnedAt: old.learnedAt, supersededAt: supersededAt)
                })
        }

        let tags = try String.fetchAll(db, Tag.filter(Tag.Columns.personId == personId).select(Tag.Columns.tag).order(Tag.Columns.tag))

        let meetings = try Meeting.filter(Meeting.Columns.personId == personId)
            .order(Meeting.Columns.at.desc, Meeting.Columns.id.desc).fetchAll(db)
        let eventIds = Set(meetings.map(\.eventId))
        let followUps = try FollowUp.filter(FollowUp.Columns.personId == personId)
            .order(FollowUp.Columns.dueAt.desc, FollowUp.Columns.id.desc).fetchAll(db)
        let events = try Dictionary(uniqueKeysWithValues: Event.filter(keys: eventIds.union(followUps.map(\.eventId))).fetchAll(db).map { ($0.id!, $0) })
        let meetingEntries: [PersonProfile.MeetingEntry] = meetings.compactMap { meeting in
            guard let event = events[meeting.eventId] else { return nil }
            let zone = TimeZone(identifier: event.timeZone) ?? TimeZone(identifier: "UTC")!
            return PersonProfile.MeetingEntry(
                id: meeting.id!, eventSlug: event.slug, eventName: event.name, city: event.city,
                at: meeting.at, date: CalendarDay(meeting.at, in: zone), booth: meeting.booth, context: meeting.context)
        }
        let slugByMeeting = Dictionary(uniqueKeysWithValues: meetingEntries.map { ($0.id, $0.eventSlug) })

        let notes = try Note.filter(Note.Columns.personId == personId)
            .order(Note.Columns.createdAt.desc, Note.Columns.id.desc).fetchAll(db)
            .map { note in
                PersonProfile.NoteEntry(
                    id: note.id!, body: note.body, createdAt: note.createdAt, updatedAt: note.updatedAt,
                    meetingId: note.meetingId, eventSlug: note.meetingId.flatMap { slugByMeeting[$0] })
            }

        return PersonProfile(
            id: personId, name: person.name, company: person.company, title: person.title,
            linkedinUrl: person.linkedinURL,
            emails: emails.map { .init(value: $0.email, label: $0.label) },
            phones: phones.map { .init(value: $0.phone, label: $0.label) },
            facts: facts, tags: tags, meetings: meetingEntries, notes: notes,
            followUps: followUps.map { followUp in
                PersonProfile.FollowUpEntry(
                    id: followUp.id!, eventSlug: events[followUp.eventId]?.slug ?? String(followUp.eventId),
                    state: followUp.state, subject: followUp.subject, toAddress: followUp.toAddress,
                    dueAt: followUp.dueAt, sentAt: followUp.sentAt)
            },
            lastInTouch: try lastInTouch(personIds: [personId], in: db)[personId])
    }
}
