import Foundation

/// Markdown, for a notes app or a gist: a heading per section and per person.
public enum MarkdownBriefingRenderer {
    /// The briefing as Markdown; text from the database is escaped.
    public static func render(_ b: Briefing) -> String {
        typealias W = BriefingWording
        var out: [String] = []
        out.append("# " + escape(W.title(b)))
        out.append("")
        out.append(escape(W.when(b)) + "  ")
        out.append(escape(W.prepared(b)))
        if let notice = b.notice { out.append(""); out.append("> **Note:** " + escape(notice)) }
        out.append("")
        out.append("**" + escape(W.summary(b)) + "**")
        if let editions = W.editions(b) { out.append(""); out.append(escape(editions)) }
        for (heading, people, show) in [(W.seriesHeading(b), b.seriesPeople, !b.earlierEditions.isEmpty), (W.relatedHeading(b), b.relatedPeople, true)] where show {
            out.append("")
            out.append("## " + escape(heading))
            if people.isEmpty { out.append(""); out.append(W.nobody) }
            for (index, p) in people.enumerated() {
                out.append("")
                var head = "### \(index + 1). \(escape(p.name))"
                if let role = W.role(p) { head += " — \(escape(role))" }
                out.append(head)
                out.append("")
                if !p.flags.isEmpty { out.append("- **Flags:** " + W.flags(p).map { "`\($0)`" }.joined(separator: " ")) }
                out.append("- **Why:** " + escape(p.reasons.joined(separator: "; ")))
                if !p.seriesMeetings.isEmpty { out.append("- **Met:** " + escape(p.seriesMeetings.map(W.meeting).joined(separator: "; "))) }
                if !p.otherMeetings.isEmpty { out.append("- **Met elsewhere:** " + escape(p.otherMeetings.map(W.meeting).joined(separator: "; "))) }
                out.append("- **Last in touch:** " + escape(W.lastInTouch(p, b)))
                if !p.askAbout.isEmpty { out.append("- **Ask about:** " + escape(W.askAbout(p))) }
                if !p.facts.isEmpty { out.append("- **Facts:** " + escape(W.facts(p))) }
                if !p.notes.isEmpty {
                    out.append("- **Notes:**")
                    for note in p.notes { out.append("  - " + escape(W.note(note, b))) }
                    if let older = W.olderNotes(p) { out.append("  - " + escape(older)) }
                }
                if !p.unsentFollowUps.isEmpty {
                    out.append("- **Not sent:**")
                    for followUp in p.unsentFollowUps { out.append("  - " + escape(W.followUp(followUp, b))) }
                }
                out.append("- **Strength:** \(p.strength)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Backslash-escapes the punctuation that means something inside a line (emphasis, code,
    /// links, raw HTML, entities, tables) and flattens line breaks, so that a note cannot
    /// become markup. Every line starts with our own prefix, so line-start markers need none.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }
}
