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

    /// The check-in inside a caller's transaction; `contact` is `request.contact()`: its plan
    /// (recognition, what the answer shows), then its writes.
    public static func checkIn(_ request: CheckInRequest, contact: ContactCard, in db: Database) throws -> CheckInResult {
        try checkIn(planCheckIn(request, contact: contact, in: db), in: db)
    }

    /// The read-only half of a check-in (`CheckInPlan`): the event, the decision (a known
    /// person on strong evidence or `same_as`, otherwise a new person and the candidates) and
    /// what the answer shows of the known person. Throws what the check-in would throw for an
    /// unknown event or `same_as` person.
    public static func planCheckIn(_ request: CheckInRequest, contact: ContactCard, in db: Database) throws -> CheckInPlan {
        guard let event = try Event.fetchOne(db.cachedStatement(sql: "SELECT * FROM event WHERE slug = ?"), arguments: [request.event]) else {
            throw EventError.unknownEvent(slug: request.event)
        }
        let query = ContactQuery(contact)
        var footprint = CheckInFootprint()
        var known: CheckInPlan.Known?
        var candidates: [MatchCandidate] = []
        switch request.decision {
        case let .sameAs(id):
            guard let person = try Person.fetchOne(db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [id]) else { throw CheckInError.unknownPerson(id: id) }
            known = try knownPerson(person, matchedBy: ["same-as"], in: db)
            footprint.insert(person: id)
        case .new, .automatic:
            let (recognition, weighed) = try Self.recognizeReading(query, in: db)
            footprint = .lookedUp(by: query)
            for person in weighed { footprint.insert(person: person.person.id!) }
            if request.decision == .automatic, let match = recognition.match {
                known = try knownPerson(match.person, matchedBy: match.matchedBy, in: db)
            } else {
                candidates = recognition.allCandidates
            }
        }
        return CheckInPlan(
            request: request, contact: contact, query: query, event: event, known: known,
            candidates: try candidates.map { try CandidateView(person: Self.personView($0.person, in: db), score: $0.score, reasons: $0.reasons) },
            footprint: footprint)
    }

    /// The writing half: attaches the meeting (and note) to the plan's known person, absorbing
    /// what the contact brings, or to a new person made from the contact; answers from the plan
    /// and what was written. `plan` must describe the database as it is now.
    public static func checkIn(_ plan: CheckInPlan, in db: Database) throws -> CheckInResult {
        let request = plan.request
        let event = plan.event
        let note = request.note?.trimmingWhitespace(.whitespacesAndNewlines)
        let at = request.at ?? Self.defaultMeetingTime(at: event, now: Date())

        var person: Person
        var emails: [String]
        var phones: [String]
        var previous: [MeetingView] = []
        var notes: [Note] = []
        if let known = plan.known {
            person = known.person
            let (_, added) = try Self.absorb(plan.contact, into: &person, at: at, knownEmails: known.emailKeys, knownPhones: known.phoneKeys, in: db)
            emails = known.emails + added.emails
            phones = known.phones + added.phones
            previous = known.meetings
            notes = known.notes
        } else {
            let stored = try Self.insertPerson(from: plan.contact, query: plan.query, at: at, in: db)
            person = stored.person
            emails = stored.emails
            phones = stored.phones
        }
        let personId = person.id!
        let booth = request.booth?.trimmingWhitespace(.whitespaces)
        var meeting = Meeting(personId: personId, eventId: event.id!, at: at, booth: booth?.isEmpty == false ? booth : nil,
                              context: request.card == nil ? nil : "badge scan")
        try meeting.insertRow(db)
        if let note, !note.isEmpty {
            var row = Note(personId: personId, meetingId: meeting.id, body: note, createdAt: at, updatedAt: at)
            try row.insertRow(db)
            // Newest first, as the database orders them (its dates are to the millisecond).
            if notes.isEmpty {
                notes = try Note.fetchAll(db.cachedStatement(sql: "SELECT * FROM note WHERE id = ?"), arguments: [row.id])
            } else {
                notes = try Note.fetchAll(db.cachedStatement(sql: "SELECT * FROM note WHERE personId = ? ORDER BY createdAt DESC, id DESC"), arguments: [personId])
            }
        }
        return CheckInResult(
            person: PersonView(person, emails: emails, phones: phones),
            meeting: MeetingView(meeting, event: event),
            recognized: plan.known != nil,
            matchedBy: plan.known?.matchedBy ?? [],
            previousMeetings: previous,
            notes: notes.map(NoteView.init),
            candidates: plan.candidates)
    }

    /// A known person with what the answer shows of them.
    private static func knownPerson(_ person: Person, matchedBy: [String], in db: Database) throws -> CheckInPlan.Known {
        let id = person.id!
        var known = CheckInPlan.Known(person: person, matchedBy: matchedBy, emails: [], phones: [], emailKeys: [], phoneKeys: [],
                                      meetings: try meetingViews(personId: id, in: db), notes: [])
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT email, normalized FROM personEmail WHERE personId = ? ORDER BY id"), arguments: [id]) {
            known.emails.append(row[0])
            known.emailKeys.insert(row[1])
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT phone, normalized FROM personPhone WHERE personId = ? ORDER BY id"), arguments: [id]) {
            known.phones.append(row[0])
            known.phoneKeys.insert(row[1])
        }
        known.notes = try Note.fetchAll(db.cachedStatement(sql: "SELECT * FROM note WHERE personId = ? ORDER BY createdAt DESC, id DESC"), arguments: [id])
        return known
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
