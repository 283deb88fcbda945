import Foundation
import GRDB
import LanyardEvents
import LanyardStore

/// Reads everything a briefing needs inside one read transaction, with a fixed number of
/// queries whatever the number of people (ids go in `IN (...)` lists of at most 500), fetching
/// only the columns it shows.
struct BriefingReader {
    let db: Database
    let since: CalendarDay?
    let staleAfterDays: Int
    let now: Date

    private static let chunkSize = 500
    private static let utc = TimeZone(identifier: "UTC")!

    /// The columns of a meeting the briefing shows.
    private struct MeetingRow {
        var personId: Int64
        var eventId: Int64
        var at: Date
        var booth: String?
        var context: String?

        init(_ row: Row) {
            personId = row[0]
            eventId = row[1]
            at = row[2]
            booth = row[3]
            context = row[4]
        }
    }

    func read(eventSlug: String) throws -> Briefing {
        let event = try AppDatabase.event(slug: eventSlug, in: db)
        var days = DayCalculators()
        let today = days.day(now, in: event.timeZone)
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
        let windowStart = since.map { $0.start(in: TimeZone(identifier: event.timeZone) ?? Self.utc) }
            ?? utcCalendar.date(byAdding: .month, value: -12, to: now)!

        // Section 1: everyone met at an earlier edition.
        let seriesMeetings = try Row.fetchAll(db, sql: """
            SELECT personId, eventId, at, booth, context FROM meeting
            WHERE eventId IN \(Self.placeholders(editionIds.count)) ORDER BY at, id
            """, arguments: StatementArguments(editionIds)).map(MeetingRow.init)
        let seriesMeetingsByPerson = Dictionary(grouping: seriesMeetings, by: \.personId)
        let section1 = Set(seriesMeetingsByPerson.keys)

        // Section 2 candidates: met elsewhere inside the window.
        let windowMeetings = try Row.fetchAll(db, sql: """
            SELECT personId, eventId, at, booth, context FROM meeting
            WHERE at >= ? AND at <= ? AND eventId <> ? ORDER BY at, id
            """, arguments: [windowStart, now, event.id]).map(MeetingRow.init).filter { !section1.contains($0.personId) }
        let windowMeetingsByPerson = Dictionary(grouping: windowMeetings, by: \.personId)
        let everyone = Array(section1.union(windowMeetingsByPerson.keys)).sorted()

        var tagsByPerson: [Int64: [String]] = [:]
        var notesByPerson: [Int64: [BriefingPerson.NoteLine]] = [:]
        for chunk in Self.chunks(everyone) {
            for row in try Row.fetchAll(db, sql: "SELECT personId, tag FROM tag WHERE personId IN \(Self.placeholders(chunk.count)) ORDER BY tag", arguments: StatementArguments(chunk)) {
                tagsByPerson[row[0], default: []].append(row[1])
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT personId, createdAt, body FROM note WHERE personId IN \(Self.placeholders(chunk.count))
                ORDER BY createdAt DESC, id DESC
                """, arguments: StatementArguments(chunk)) {
                notesByPerson[row[0], default: []].append(.init(createdAt: row[1], body: row[2]))
            }
        }

        // Why each person is listed.
        let matchers = [event.city, event.series].compactMap { $0 }.compactMap(TextMatch.init)
        let cityMatcher = event.city.flatMap(TextMatch.init)
        var reasons: [Int64: [String]] = [:]
        for personId in everyone {
            var why: [String] = []
            if let meetings = seriesMeetingsByPerson[personId] {
                why.append("met at " + Self.list(unique(meetings.compactMap { eventsById[$0.eventId]?.name })))
            } else if let cityMatcher {
                let inCity: [Event] = (windowMeetingsByPerson[personId] ?? []).compactMap { eventsById[$0.eventId] }
                    .filter { event in event.city.map { cityMatcher.matches($0) } ?? false }
                if !inCity.isEmpty {
                    why.append("met at " + Self.list(unique(inCity.map(\.name))) + " in \(cityMatcher.term)")
                }
            }
            let tags = (tagsByPerson[personId] ?? []).map { ($0, TextMatch.fold($0)) }
            let notes = (notesByPerson[personId] ?? []).map { TextMatch.fold($0.body) }
            for matcher in matchers {
                if let tag = tags.first(where: { matcher.matches(folded: $0.1) }) {
                    why.append("tagged “\(tag.0)”")
                }
                if notes.contains(where: { matcher.matches(folded: $0) }) {
                    why.append("a note mentions “\(matcher.term)”")
                }
            }
            if !why.isEmpty { reasons[personId] = why }
        }
        let listed = everyone.filter { reasons[$0] != nil }

        // Everything else, for the listed people only.
        var people: [(id: Int64, name: String, sortName: String, company: String?, title: String?)] = []
        var factsByPerson: [Int64: [BriefingPerson.FactLine]] = [:]
        var followUpsByPerson: [Int64: [(eventId: Int64, state: String, subject: String, dueAt: Date)]] = [:]
        var meetingStats: [Int64: (count: Int, first: Date)] = [:]
        for chunk in Self.chunks(listed) {
            let ids = StatementArguments(chunk)
            let list = Self.placeholders(chunk.count)
            for row in try Row.fetchAll(db, sql: "SELECT id, name, sortName, company, title FROM person WHERE id IN \(list)", arguments: ids) {
                people.append((row[0], row[1], row[2], row[3], row[4]))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT personId, key, value FROM fact WHERE supersededAt IS NULL AND personId IN \(list) ORDER BY key, id
                """, arguments: ids) {
                factsByPerson[row[0], default: []].append(.init(key: row[1], value: row[2]))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT personId, eventId, state, subject, dueAt FROM followUp WHERE personId IN \(list) ORDER BY dueAt, id
                """, arguments: ids) {
                followUpsByPerson[row[0], default: []].append((row[1], row[2], row[3], row[4]))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT personId, COUNT(*), MIN(at) FROM meeting WHERE personId IN \(list) GROUP BY personId
                """, arguments: ids) {
                meetingStats[row[0]] = (row[1], row[2])
            }
        }
        let lastInTouch = try AppDatabase.lastInTouch(personIds: listed, in: db)

        let lastEdition = earlier.last
        let newSince = lastEdition.map { $0.startDate.start(in: TimeZone(identifier: $0.timeZone) ?? Self.utc) }
        var sortNames: [Int64: String] = [:]
        var built: [Int64: BriefingPerson] = [:]
        func lines(_ meetings: [MeetingRow]?) -> [BriefingPerson.MeetingLine] {
            (meetings ?? []).compactMap { meeting in
                guard let event = eventsById[meeting.eventId] else { return nil }
                return .init(
                    eventSlug: event.slug, eventName: event.name, year: event.startDate.year,
                    day: days.day(meeting.at, in: event.timeZone), city: event.city, booth: meeting.booth, context: meeting.context)
            }
        }
        for person in people {
            let id = person.id
            sortNames[id] = person.sortName
            let notes = notesByPerson[id] ?? []
            let facts = factsByPerson[id] ?? []
            let followUps = followUpsByPerson[id] ?? []
            let sent = followUps.filter { $0.state == FollowUp.State.sent.rawValue }.count
            let last = lastInTouch[id]
            let strength = RelationshipStrength(meetings: meetingStats[id]?.count ?? 0, notes: notes.count, followUpsSent: sent, lastInTouch: last)

            var flags: [BriefingPerson.Flag] = []
            if last.map({ now.timeIntervalSince($0) > Double(staleAfterDays) * 86_400 }) ?? true { flags.append(.stale) }
            if sent == 0 { flags.append(.neverFollowedUp) }
            if let newSince, let first = meetingStats[id]?.first, first >= newSince { flags.append(.new) }

            built[id] = BriefingPerson(
                id: id, name: person.name, company: person.company, title: person.title,
                reasons: reasons[id] ?? [], flags: flags, strength: strength.score(at: now),
                seriesMeetings: lines(seriesMeetingsByPerson[id]),
                otherMeetings: lines(windowMeetingsByPerson[id]),
                lastInTouch: last,
                askAbout: facts.filter { AskAbout.isAskAboutKey($0.key) }.map(\.value)
                    + (tagsByPerson[id] ?? []).compactMap(AskAbout.topic(fromTag:)),
                facts: facts.filter { !AskAbout.isAskAboutKey($0.key) },
                notes: Array(notes.prefix(Briefing.newestNotesShown)),
                noteCount: notes.count,
                unsentFollowUps: followUps
                    .filter { $0.state != FollowUp.State.sent.rawValue && $0.state != FollowUp.State.skipped.rawValue }
                    .map { followUp in
                        let event = eventsById[followUp.eventId]
                        return .init(eventSlug: event?.slug ?? "", eventName: event?.name ?? "", subject: followUp.subject,
                                     state: followUp.state, dueAt: followUp.dueAt)
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
