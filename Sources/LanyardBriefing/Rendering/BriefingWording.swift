import Foundation
import LanyardStore

/// The phrases every human-readable format shares, so text, markdown and HTML say the same.
struct BriefingWording {
    let b: Briefing
    private let days: DayCalculator

    init(_ briefing: Briefing) {
        b = briefing
        days = DayCalculator(identifier: briefing.event.timeZone)
    }

    func title() -> String { "Briefing for \(b.event.name)" }

    /// "2026-09-14 to 2026-09-16, Berlin".
    func when() -> String {
        let start = b.event.startDate.description
        let days = b.event.startDate == b.event.endDate ? start : "\(start) to \(b.event.endDate.description)"
        return days + (b.event.city.map { ", \($0)" } ?? "")
    }

    /// "Prepared 2026-09-01 · stale after 365 days · since 2025-01-01".
    func prepared() -> String {
        var parts = ["Prepared \(day(b.generatedAt))", "stale after \(b.staleAfterDays) days"]
        if let since = b.since { parts.append("since \(since)") }
        return parts.joined(separator: " · ")
    }

    /// "6 people · 1 stale · 4 never followed up · 4 new since SwiftConf 2025".
    func summary() -> String {
        let s = b.summary
        var parts = ["\(s.people) \(s.people == 1 ? "person" : "people")", "\(s.stale) stale", "\(s.neverFollowedUp) never followed up"]
        if let last = s.lastEdition { parts.append("\(s.newSinceLastEdition) new since \(last)") }
        return parts.joined(separator: " · ")
    }

    /// "Earlier editions: SwiftConf 2024 (3 people), SwiftConf 2025 (2 people)".
    func editions() -> String? {
        guard !b.earlierEditions.isEmpty else { return nil }
        return "Earlier editions: " + b.earlierEditions.map { "\($0.name) (\($0.peopleMet) \($0.peopleMet == 1 ? "person" : "people"))" }.joined(separator: ", ")
    }

    func seriesHeading() -> String {
        "Met at earlier editions of \(b.event.series) (\(b.seriesPeople.count))"
    }

    func relatedHeading() -> String {
        let terms = b.matchTerms.isEmpty ? b.event.series : BriefingReader.list(b.matchTerms.map { "“\($0)”" }).replacingOccurrences(of: " and ", with: " or ")
        return "Met elsewhere since \(day(b.windowStart)), linked to \(terms) (\(b.relatedPeople.count))"
    }

    static let nobody = "Nobody."

    /// "Staff Engineer, Acme" or "Acme" or nil.
    func role(_ p: BriefingPerson) -> String? {
        let parts = [p.title, p.company].compactMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// "SwiftConf 2024 (2024-09-10, booth A12)".
    func meeting(_ m: BriefingPerson.MeetingLine) -> String {
        var details = [m.day.description]
        if let booth = m.booth, !booth.isEmpty { details.append("booth \(booth)") }
        if let context = m.context, !context.isEmpty { details.append(context) }
        return "\(m.eventName) (\(details.joined(separator: ", ")))"
    }

    /// "2025-09-15 (11 months ago)" or "never".
    func lastInTouch(_ p: BriefingPerson) -> String {
        guard let last = p.lastInTouch else { return "never" }
        return "\(day(last)) (\(Self.ago(last, b.generatedAt)))"
    }

    func note(_ n: BriefingPerson.NoteLine) -> String {
        "\(day(n.createdAt)): \(n.body)"
    }

    /// "“Thanks for the chat” (draft, due 2025-09-16, SwiftConf 2025)".
    func followUp(_ f: BriefingPerson.FollowUpLine) -> String {
        "“\(f.subject)” (\(f.state), due \(day(f.dueAt)), \(f.eventName))"
    }

    func facts(_ p: BriefingPerson) -> String {
        p.facts.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    }

    func askAbout(_ p: BriefingPerson) -> String { p.askAbout.joined(separator: "; ") }

    func flags(_ p: BriefingPerson) -> [String] { p.flags.map(\.label) }

    /// More notes than shown: "(2 older notes)".
    func olderNotes(_ p: BriefingPerson) -> String? {
        let older = p.noteCount - p.notes.count
        return older > 0 ? "(\(older) older \(older == 1 ? "note" : "notes"))" : nil
    }

    // MARK: - Dates

    /// The day `date` falls on in the event's time zone, as `YYYY-MM-DD`.
    func day(_ date: Date) -> String { days.day(date).description }

    /// "today", "3 days ago", "5 months ago", "2 years ago".
    static func ago(_ date: Date, _ now: Date) -> String {
        let days = Int((now.timeIntervalSince(date) / 86_400).rounded(.down))
        func plural(_ n: Int, _ unit: String) -> String { "\(n) \(unit)\(n == 1 ? "" : "s") ago" }
        switch days {
        case ..<1: return "today"
        case ..<60: return plural(days, "day")
        case ..<730: return plural(days / 30, "month")
        default: return plural(days / 365, "year")
        }
    }
}
