import Foundation
import LanyardStore

extension PersonProfile {
    /// The profile as a person reads it in a terminal; dates are days in `timeZone`.
    public func text(timeZone: TimeZone = .current) -> String {
        func day(_ date: Date) -> String { CalendarDay(date, in: timeZone).description }
        var lines: [String] = []
        let role = [title, company].compactMap { $0 }.joined(separator: ", ")
        lines.append("\(name)\(role.isEmpty ? "" : " — \(role)")  (id \(id))")
        for email in emails { lines.append("  email     \(email.value)\(email.label.map { " (\($0))" } ?? "")") }
        for phone in phones { lines.append("  phone     \(phone.value)\(phone.label.map { " (\($0))" } ?? "")") }
        if let linkedinUrl { lines.append("  linkedin  \(linkedinUrl)") }
        lines.append("  last in touch: \(lastInTouch.map(day) ?? "never")")
        if !tags.isEmpty { lines.append("  tags: \(tags.joined(separator: ", "))") }

        if !facts.isEmpty {
            lines.append("")
            lines.append("Facts")
            for fact in facts {
                var line = "  \(fact.key): \(fact.value)  (learned \(day(fact.learnedAt)))"
                if !fact.history.isEmpty {
                    line += "; before: " + fact.history.map { "\($0.value) (until \(day($0.supersededAt)))" }.joined(separator: ", ")
                }
                lines.append(line)
            }
        }
        lines.append("")
        lines.append("Meetings")
        if meetings.isEmpty { lines.append("  none") }
        for meeting in meetings {
            var line = "  \(meeting.date)  \(meeting.eventName) (\(meeting.eventSlug))"
            if let booth = meeting.booth { line += ", booth \(booth)" }
            if let context = meeting.context { line += " — \(context)" }
            lines.append(line)
        }
        lines.append("")
        lines.append("Notes")
        if notes.isEmpty { lines.append("  none") }
        for note in notes {
            let at = note.eventSlug.map { " at \($0)" } ?? ""
            let body = note.body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n      ")
            lines.append("  #\(note.id) \(day(note.createdAt))\(at): \(body)")
        }
        if !followUps.isEmpty {
            lines.append("")
            lines.append("Follow-ups")
            for followUp in followUps {
                let when = followUp.sentAt.map { "sent \(day($0))" } ?? "due \(day(followUp.dueAt))"
                lines.append("  \(followUp.eventSlug): \(followUp.state.rawValue), \(when) — \"\(followUp.subject)\"")
            }
        }
        return lines.joined(separator: "\n")
    }
}
