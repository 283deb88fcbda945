import Foundation
import GRDB
import LanyardFormats
import LanyardStore

extension AppDatabase {
    /// When a check-in gives no time: now while the event runs (its days in its own time zone),
    /// else noon of its first day — checking in someone met at last year's edition files the
    /// meeting under that edition's date, not today's.
    public static func defaultMeetingTime(at event: Event, now: Date) -> Date {
        // Day strings compare like days; time zones are cached (no Calendar on this path).
        let today = MeetingDay.string(for: now, timeZoneID: event.timeZone)
        if today >= event.startDate.description, today <= event.endDate.description { return now }
        return MeetingDay.localNoon(of: event.startDate, timeZoneID: event.timeZone)
    }

    /// Records a meeting at an event and tells whether this person was met before: attaches to
    /// a known person on strong evidence (or `--same-as`), otherwise creates a new person and
    /// returns the possible matches. One transaction: bad input writes nothing. (Async code
    /// goes through `CheckInQueue`, which waits for the write lock without holding a thread.)
    public func checkIn(_ request: CheckInRequest) throws -> CheckInResult {
        let contact = try request.contact()
        return try writer.write { db in try Self.checkIn(request, contact: contact, in: db) }
    }

    /// The check-in inside a caller's transaction; `contact` is `request.contact()`.
    public static func checkIn(_ request: CheckInRequest, contact: ContactCard, in db: Database) throws -> CheckInResult {
        let note = request.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let event = try Event.fetchOne(db.cachedStatement(sql: "SELECT * FROM event WHERE slug = ?"), arguments: [request.event]) else {
            throw EventError.unknownEvent(slug: request.event)
        }
        let at = request.at ?? Self.defaultMeetingTime(at: event, now: Date())
        let query = ContactQuery(contact)

        var person: Person
        var recognized = false
        var matchedBy: [String] = []
        var candidates: [MatchCandidate] = []
        switch request.decision {
        case let .sameAs(id):
            guard let known = try Person.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [id]) else { throw CheckInError.unknownPerson(id: id) }
            person = known
            recognized = true
            matchedBy = ["same-as"]
        case .new:
            candidates = try Self.recognize(query, in: db).allCandidates
            person = try Self.createPerson(from: contact, at: at, in: db)
        case .automatic:
            let recognition = try Self.recognize(query, in: db)
            if let match = recognition.match {
                person = match.person
                recognized = true
                matchedBy = match.matchedBy
            } else {
                candidates = recognition.candidates
                person = try Self.createPerson(from: contact, at: at, in: db)
            }
        }
        let personId = person.id!
        let previous = try Self.meetingViews(personId: personId, in: db)
        if recognized {
            try Self.absorb(contact, into: &person, at: at, in: db)
        }
        let booth = request.booth?.trimmingCharacters(in: .whitespaces)
        var meeting = Meeting(personId: personId, eventId: event.id!, at: at, booth: booth?.isEmpty == false ? booth : nil,
                              context: request.card == nil ? nil : "badge scan")
        try meeting.insert(db)
        if let note, !note.isEmpty {
            var row = Note(personId: personId, meetingId: meeting.id, body: note, createdAt: at, updatedAt: at)
            try row.insert(db)
        }
        let notes = try Note.fetchAll(db.cachedStatement(sql: "SELECT * FROM note WHERE personId = ? ORDER BY createdAt DESC, id DESC"), arguments: [personId])
        return CheckInResult(
            person: try Self.personView(person, in: db),
            meeting: MeetingView(meeting, event: event),
            recognized: recognized,
            matchedBy: matchedBy,
            previousMeetings: previous,
            notes: notes.map(NoteView.init),
            candidates: try candidates.map { try CandidateView(person: Self.personView($0.person, in: db), score: $0.score, reasons: $0.reasons) })
    }

    /// A person's meetings, newest first, with their events.
    static func meetingViews(personId: Int64, in db: Database) throws -> [MeetingView] {
        let meetings = try Meeting.fetchAll(db.cachedStatement(sql: "SELECT * FROM meeting WHERE personId = ? ORDER BY at DESC, id DESC"), arguments: [personId])
        guard !meetings.isEmpty else { return [] }
        let events = try Event.fetchAll(db.cachedStatement(sql: "SELECT * FROM event WHERE id IN (SELECT value FROM json_each(?))"),
                                        arguments: [SQLList.json(Array(Set(meetings.map(\.eventId))))])
        let byId = Dictionary(uniqueKeysWithValues: events.map { ($0.id!, $0) })
        return meetings.compactMap { meeting in byId[meeting.eventId].map { MeetingView(meeting, event: $0) } }
    }

    /// The view of a person with their emails and phones.
    public static func personView(_ person: Person, in db: Database) throws -> PersonView {
        let id = person.id ?? 0
        let emails = try String.fetchAll(db.cachedStatement(sql: "SELECT email FROM personEmail WHERE personId = ? ORDER BY id"), arguments: [id])
        let phones = try String.fetchAll(db.cachedStatement(sql: "SELECT phone FROM personPhone WHERE personId = ? ORDER BY id"), arguments: [id])
        return PersonView(person, emails: emails, phones: phones)
    }
}

extension Recognition {
    /// The match (if any) followed by the candidates.
    var allCandidates: [MatchCandidate] { (match.map { [$0] } ?? []) + candidates }
}
