import Foundation
import GRDB
import LanyardEvents
import LanyardStore

/// Reads everything a briefing needs inside one read transaction, with a fixed number of
/// queries whatever the number of people (ids go in `IN (...)` lists of at most 500).
struct BriefingReader {
    let db: Database
    let since: CalendarDay?
    let staleAfterDays: Int
    let now: Date

    private static let chunkSize = 500
    private static let utc = TimeZone(identifier: "UTC")!

    func read(eventSlug: String) throws -> Briefing {
        let event = try AppDatabase.event(slug: eventSlug, in: db)
        let zone = TimeZone(identifier: event.timeZone) ?? Self.utc
        let today = CalendarDay(now, in: zone)
        let allEvents = try Event.all().chronological().fetchAll(db)
        let eventsById = Dictionary(uniqueKeysWithValues: allEvents.compactMap { e in e.id.map { ($0, e) } })
        let earlier = allEvents.filter { $0.series == event.series && $0.startDate < event.startDate && $0.id != event.id }

        guard event.endDate >= today else {
            let next = allEvents.last { $0.series == event.series && $0.endDate >= today }
            throw BriefingError.pastEvent(slug: event.slug, ended: event.endDate, next: next?.slug)
        }
        if let since, since > today { throw BriefingError.sinceInFuture(since: since, today: today) }

        let editions = earlier.filter { edition in since.map { edition.startDate >= $0 } ?? true }
        let editionIds = editions.compactMap(\.id)
        var utcCalendar = Calendar(identifier: .gregorian)
        utcCalendar.timeZone = Self.utc
        let windowStart = since?.start(in: zone) ?? utcCalendar.date(byAdding: .month, value: -12, to: now)!

        // Section 1: everyone met at an earlier edition.
        let seriesMeetings = try Meeting
            .filter(editionIds.contains(Meeting.Columns.eventId))
            .order(Meeting.Columns.at, Meeting.Columns.id)
            .fetchAll(db)
        let seriesMeetingsByPerson = Dictionary(grouping: seriesMeetings, by: \.personId)
        let section1 = Set(seriesMeetingsByPerson.keys)

        // Section 2 candidates: met elsewhere inside the window.
        let windowMeetings = try Meeting
            .filter(Meeting.Columns.at >= windowStart && Meeting.Columns.at <= now && Meeting.Columns.eventId != event.id!)
            .order(Meeting.Columns.at, Meeting.Columns.id)
            .fetchAll(db)
            .filter { !section1.contains($0.personId) }
        let windowMeetingsByPerson = Dictionary(grouping: windowMeetings, by: \.personId)
        let everyone = Array(section1.union(windowMeetingsByPerson.keys)).sorted()

        let tags = try fetchByPerson(everyone) { try Tag.filter($0.contains(Tag.Columns.personId)).order(Tag.Columns.tag).fetchAll(db) }
        let notes = try fetchByPerson(everyone) {
            try Note.filter($0.contains(Note.Columns.personId)).order(Note.Columns.createdAt.desc, Note.Columns.id.desc).fetchAll(db)
        }
        let tagsByPerson = Dictionary(grouping: tags, by: \.personId)
        let notesByPerson = Dictionary(grouping: notes, by: \.personId)

        // Why each person is listed.
        let matchers = [event.city, event.series].compactMap { $0 }.compactMap(TextMatch.init)
        let cityMatcher = event.city.flatMap(TextMatch.init)
        var reasons: [Int64: [String]] = [:]
        for personId in everyone {
            var why: [String] = []
            if let meetings = seriesMeetingsByPerson[personId] {
                let names = unique(meetings.compactMap { eventsById[$0.eventId]?.name })
                why.append("met at " + Self.list(names))
            } else if let cityMatcher {
                let inCity = (windowMeetingsByPerson[personId] ?? []).compactMap { eventsById[$0.eventId] }
                    .filter { $0.city.map(cityMatcher.matches) ?? false }
                if !inCity.isEmpty {
                    why.append("met at " + Self.list(unique(inCity.map(\.name))) + " in \(cityMatcher.term)")
                }
            }
            for matcher in matchers {
                if let tag = tagsByPerson[personId]?.first(where: { matcher.matches($0.tag) }) {
                    why.append("tagged “\(tag.tag)”")
                }
                if notesByPerson[personId]?.contains(where: { matcher.matches($0.body) }) == true {
                    why.append("a note mentions “\(matcher.term)”")
                }
            }
            if !why.isEmpty { reasons[personId] = why }
        }
        let listed = everyone.filter { reasons[$0] != nil }

        // Everything else, for the listed people only.
        let people = try fetchByPerson(listed) { try Person.filter($0.contains(Person.Columns.id)).fetchAll(db) }
        let facts = try fetchByPerson(listed) {
            try Fact.filter($0.contains(Fact.Columns.personId)).current().order(Fact.Columns.key).fetchAll(db)
        }
        let followUps = try fetchByPerson(listed) {
            try FollowUp.filter($0.contains(FollowUp.Columns.personId)).order(FollowUp.Columns.dueAt, FollowUp.Columns.id).fetchAll(db)
        }
        var meetingStats: [Int64: (count: Int, first: Date)] = [:]
        for chunk in Self.chunks(listed) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT personId, COUNT(*) AS count, MIN(at) AS first FROM meeting
                WHERE personId IN \(Self.placeholders(chunk.count)) GROUP BY personId
                """, arguments: StatementArguments(chunk))
            for row in rows { meetingStats[row["personId"]] = (row["count"], row["first"]) }
        }
        let lastInTouch = try AppDatabase.lastInTouch(personIds: listed, in: db)
        let factsByPerson = Dictionary(grouping: facts, by: \.personId)
        let followUpsByPerson = Dictionary(grouping: followUps, by: \.personId)

        let lastEdition = earlier.last
        let newSince = lastEdition.map { $0.startDate.start(in: TimeZone(identifier: $0.timeZone) ?? Self.utc) }
        var sortNames: [Int64: String] = [:]
        var built: [Int64: BriefingPerson] = [:]
        for person in people {
            guard let id = person.id else { continue }
            sortNames[id] = person.sortName
            let personTags = tagsByPerson[id] ?? []
            let personNotes = notesByPerson[id] ?? []
            let personFacts = factsByPerson[id] ?? []
            let personFollowUps = followUpsByPerson[id] ?? []
            let sent = personFollowUps.filter { $0.state == .sent }.count
            let last = lastInTouch[id]
            let strength = RelationshipStrength(
                meetings: meetingStats[id]?.count ?? 0, notes: personNotes.count, followUpsSent: sent, lastInTouch: last)

            var flags: [BriefingPerson.Flag] = []
            if last.map({ now.timeIntervalSince($0) > Double(staleAfterDays) * 86_400 }) ?? true { flags.append(.stale) }
            if sent == 0 { flags.append(.neverFollowedUp) }
            if let newSince, let first = meetingStats[id]?.first, first >= newSince { flags.append(.new) }

            built[id] = BriefingPerson(
                id: id, name: person.name, company: person.company, title: person.title,
                reasons: reasons[id] ?? [], flags: flags, strength: strength.score(at: now),
                seriesMeetings: (seriesMeetingsByPerson[id] ?? []).compactMap { line(for: $0, eventsById) },
                otherMeetings: (windowMeetingsByPerson[id] ?? []).compactMap { line(for: $0, eventsById) },
                lastInTouch: last,
                askAbout: personFacts.filter { AskAbout.isAskAboutKey($0.key) }.map(\.value)
                    + personTags.compactMap { AskAbout.topic(fromTag: $0.tag) },
                facts: personFacts.filter { !AskAbout.isAskAboutKey($0.key) }.map { .init(key: $0.key, value: $0.value) },
                notes: personNotes.prefix(Briefing.newestNotesShown).map { .init(createdAt: $0.createdAt, body: $0.body) },
                noteCount: personNotes.count,
                unsentFollowUps: personFollowUps.filter { $0.state != .sent && $0.state != .skipped }.map { followUp in
                    let event = eventsById[followUp.eventId]
                    return .init(eventSlug: event?.slug ?? "", eventName: event?.name ?? "", subject: followUp.subject,
                                 state: followUp.state.rawValue, dueAt: followUp.dueAt)
                })
        }

        func ordered(_ ids: some Sequence<Int64>) -> [BriefingPerson] {
            ids.compactMap { built[$0] }.sorted { a, b in
                if a.strength != b.strength { return a.strength > b.strength }
                if a.lastInTouch != b.lastInTouch { return (a.lastInTouch ?? .distantPast) > (b.lastInTouch ?? .distantPast) }
                let sa = sortNames[a.id] ?? "", sb = sortNames[b.id] ?? ""
                if sa != sb { return sa.localizedCaseInsensitiveCompare(sb) == .orderedAscending }
                return a.id < b.id
            }
        }
        let seriesPeople = ordered(listed.filter(section1.contains))
        let relatedPeople = ordered(listed.filter { !section1.contains($0) })
        let all = seriesPeople + relatedPeople

        let perEdition = Dictionary(grouping: seriesMeetings, by: \.eventId).mapValues { Set($0.map(\.personId)).count }
        return Briefing(
            event: .init(event), generatedAt: now, since: since, windowStart: windowStart,
            staleAfterDays: staleAfterDays,
            earlierEditions: editions.map { .init(slug: $0.slug, name: $0.name, startDate: $0.startDate, city: $0.city, peopleMet: perEdition[$0.id!] ?? 0) },
            matchTerms: matchers.map(\.term),
            notice: notice(event: event, earlier: earlier, editions: editions),
            summary: .init(
                people: all.count,
                stale: all.filter { $0.has(.stale) }.count,
                neverFollowedUp: all.filter { $0.has(.neverFollowedUp) }.count,
                newSinceLastEdition: all.filter { $0.has(.new) }.count,
                lastEdition: lastEdition?.name),
            seriesPeople: seriesPeople, relatedPeople: relatedPeople)
    }

    // MARK: - Helpers

    /// "no earlier editions of swiftconf — here is who you met in Berlin instead", or nil.
    private func notice(event: Event, earlier: [Event], editions: [Event]) -> String? {
        guard editions.isEmpty else { return nil }
        let instead = event.city.map { "here is who you met in \($0) instead" }
            ?? "here is who you met lately that is linked to \(event.series) instead"
        if earlier.isEmpty { return "no earlier editions of \(event.series) — \(instead)" }
        return "no editions of \(event.series) since \(since.map(\.description) ?? "then") — \(instead)"
    }

    private func line(for meeting: Meeting, _ eventsById: [Int64: Event]) -> BriefingPerson.MeetingLine? {
        guard let event = eventsById[meeting.eventId] else { return nil }
        return .init(
            eventSlug: event.slug, eventName: event.name, year: event.startDate.year,
            day: CalendarDay(meeting.at, in: TimeZone(identifier: event.timeZone) ?? Self.utc),
            city: event.city, booth: meeting.booth, context: meeting.context)
    }

    private func fetchByPerson<T>(_ ids: [Int64], _ fetch: ([Int64]) throws -> [T]) throws -> [T] {
        try Self.chunks(ids).flatMap(fetch)
    }

    private static func chunks(_ ids: [Int64]) -> [[Int64]] {
        stride(from: 0, to: ids.count, by: chunkSize).map { Array(ids[$0..<min($0 + chunkSize, ids.count)]) }
    }

    private static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ",") + ")"
    }

    private func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
