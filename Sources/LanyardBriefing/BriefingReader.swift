import Foundation
import GRDB
import LanyardEvents
import LanyardStore

/// Reads everything a briefing needs inside one read transaction, with a fixed number of
/// queries whatever the number of people (ids go in one `json_each` list per query, so each
/// statement is prepared once and cached), fetching only the columns it shows
/// (`BriefingReader+Queries.swift`).
struct BriefingReader {
    let db: Database
    let since: CalendarDay?
    let staleAfterDays: Int
    let now: Date

    private static let utc = TimeZone(identifier: "UTC")!

    /// The columns of a meeting the briefing shows.
    struct MeetingRow {
        var personId: Int64
        var eventId: Int64
        var at: Date
        var booth: String?
        var context: String?
    }

    func read(eventSlug: String) throws -> Briefing {
        let allEvents = try events()
        guard let event = allEvents.first(where: { $0.slug == eventSlug }) else { throw EventError.unknownEvent(slug: eventSlug) }
        var days = DayCalculators()
        let today = days.day(now, in: event.timeZone)
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
        let seriesMeetings = try meetings(atEvents: editionIds)
        let seriesMeetingsByPerson = Dictionary(grouping: seriesMeetings, by: \.personId)
        let section1 = Set(seriesMeetingsByPerson.keys)

        // Section 2 candidates: met elsewhere inside the window.
        let windowMeetings = try meetings(from: windowStart, to: now, except: event.id!).filter { !section1.contains($0.personId) }
        let windowMeetingsByPerson = Dictionary(grouping: windowMeetings, by: \.personId)
        let everyone = Array(section1.union(windowMeetingsByPerson.keys)).sorted()

        let tagsByPerson = try tags(of: everyone)
        let notesByPerson = try notes(of: everyone)

        // Why each person is listed.
        let matchers = [event.city, event.series].compactMap { $0 }.compactMap(TextMatch.init)
        let cityMatcher = event.city.flatMap(TextMatch.init)
        let eventsInCity = Set(Set(windowMeetings.map(\.eventId)).filter { id in
            guard let cityMatcher, let city = eventsById[id]?.city else { return false }
            return cityMatcher.matches(city)
        })
        var folder = TextFolder()
        let allMatchers: UInt64 = matchers.isEmpty ? 0 : UInt64.max >> UInt64(64 - min(64, matchers.count))
        var reasons: [Int64: [String]] = [:]
        for personId in everyone {
            var why: [String] = []
            if let meetings = seriesMeetingsByPerson[personId] {
                why.append("met at " + Self.list(unique(meetings.compactMap { eventsById[$0.eventId]?.name })))
            } else if let cityMatcher {
                let inCity: [Event] = (windowMeetingsByPerson[personId] ?? []).filter { eventsInCity.contains($0.eventId) }.compactMap { eventsById[$0.eventId] }
                if !inCity.isEmpty {
                    why.append("met at " + Self.list(unique(inCity.map(\.name))) + " in \(cityMatcher.term)")
                }
            }
            let tags = tagsByPerson[personId] ?? []
            let tagMatches = tags.map { folder.matches($0, matchers) }
            var noteMatches: UInt64 = 0
            for note in notesByPerson[personId] ?? [] where noteMatches != allMatchers {
                noteMatches |= folder.matches(note.body, matchers)
            }
            for (k, matcher) in matchers.enumerated() {
                let bit: UInt64 = 1 << UInt64(k)
                if let tag = tagMatches.firstIndex(where: { $0 & bit != 0 }) {
                    why.append("tagged “\(tags[tag])”")
                }
                if noteMatches & bit != 0 {
                    why.append("a note mentions “\(matcher.term)”")
                }
            }
            if !why.isEmpty { reasons[personId] = why }
        }
        let listed = everyone.filter { reasons[$0] != nil }

        // Everything else, for the listed people only.
        let people = try self.people(listed)
        let factsByPerson = try facts(of: listed)
        let followUpsByPerson = try followUps(of: listed)
        let meetingStats = try meetingStats(of: listed)
        let lastInTouch = Self.lastInTouch(meetings: meetingStats, notes: notesByPerson, followUps: followUpsByPerson)

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
