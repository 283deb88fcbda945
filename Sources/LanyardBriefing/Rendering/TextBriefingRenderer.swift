import Foundation

/// Plain text for a terminal or a train: one block per person.
public enum TextBriefingRenderer {
    /// The briefing as plain text.
    public static func render(_ b: Briefing) -> String {
        let w = BriefingWording(b)
        var out: [String] = []
        out.append(w.title() + " — " + w.when())
        out.append(w.prepared())
        if let notice = b.notice { out.append(""); out.append("Note: " + notice) }
        out.append("")
        out.append(w.summary())
        if let editions = w.editions() { out.append(editions) }
        for (heading, people, show) in [(w.seriesHeading(), b.seriesPeople, !b.earlierEditions.isEmpty), (w.relatedHeading(), b.relatedPeople, true)] where show {
            out.append("")
            out.append("== \(heading) ==")
            if people.isEmpty { out.append(""); out.append(BriefingWording.nobody) }
            for (index, p) in people.enumerated() {
                out.append("")
                var head = "\(index + 1). \(p.name)"
                if let role = w.role(p) { head += " — \(role)" }
                if !p.flags.isEmpty { head += "  " + w.flags(p).map { "[\($0)]" }.joined(separator: " ") }
                out.append(head)
                out.append("   Why: " + p.reasons.joined(separator: "; "))
                if !p.seriesMeetings.isEmpty { out.append("   Met: " + p.seriesMeetings.map(w.meeting).joined(separator: "; ")) }
                if !p.otherMeetings.isEmpty { out.append("   Met elsewhere: " + p.otherMeetings.map(w.meeting).joined(separator: "; ")) }
                out.append("   Last in touch: " + w.lastInTouch(p))
                if !p.askAbout.isEmpty { out.append("   Ask about: " + w.askAbout(p)) }
                if !p.facts.isEmpty { out.append("   Facts: " + w.facts(p)) }
                for note in p.notes { out.append("   Note " + w.note(note)) }
                if let older = w.olderNotes(p) { out.append("   " + older) }
                for followUp in p.unsentFollowUps { out.append("   Not sent: " + w.followUp(followUp)) }
                out.append("   Strength: \(p.strength)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
