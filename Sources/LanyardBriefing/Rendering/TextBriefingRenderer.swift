import Foundation

/// Plain text for a terminal or a train: one block per person.
public enum TextBriefingRenderer {
    /// The briefing as plain text.
    public static func render(_ b: Briefing) -> String {
        typealias W = BriefingWording
        var out: [String] = []
        out.append(W.title(b) + " — " + W.when(b))
        out.append(W.prepared(b))
        if let notice = b.notice { out.append(""); out.append("Note: " + notice) }
        out.append("")
        out.append(W.summary(b))
        if let editions = W.editions(b) { out.append(editions) }
        for (heading, people, show) in [(W.seriesHeading(b), b.seriesPeople, !b.earlierEditions.isEmpty), (W.relatedHeading(b), b.relatedPeople, true)] where show {
            out.append("")
            out.append("== \(heading) ==")
            if people.isEmpty { out.append(""); out.append(W.nobody) }
            for (index, p) in people.enumerated() {
                out.append("")
                var head = "\(index + 1). \(p.name)"
                if let role = W.role(p) { head += " — \(role)" }
                if !p.flags.isEmpty { head += "  " + W.flags(p).map { "[\($0)]" }.joined(separator: " ") }
                out.append(head)
                out.append("   Why: " + p.reasons.joined(separator: "; "))
                if !p.seriesMeetings.isEmpty { out.append("   Met: " + p.seriesMeetings.map(W.meeting).joined(separator: "; ")) }
                if !p.otherMeetings.isEmpty { out.append("   Met elsewhere: " + p.otherMeetings.map(W.meeting).joined(separator: "; ")) }
                out.append("   Last in touch: " + W.lastInTouch(p, b))
                if !p.askAbout.isEmpty { out.append("   Ask about: " + W.askAbout(p)) }
                if !p.facts.isEmpty { out.append("   Facts: " + W.facts(p)) }
                for note in p.notes { out.append("   Note " + W.note(note, b)) }
                if let older = W.olderNotes(p) { out.append("   " + older) }
                for followUp in p.unsentFollowUps { out.append("   Not sent: " + W.followUp(followUp, b)) }
                out.append("   Strength: \(p.strength)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
