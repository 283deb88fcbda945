import Foundation

/// Markdown, for a notes app or a gist: a heading per section and per person.
public enum MarkdownBriefingRenderer {
    /// The briefing as Markdown; text from the database is escaped.
    public static func render(_ b: Briefing) -> String {
        let w = BriefingWording(b)
        var out: [String] = []
        out.append("# " + escape(w.title()))
        out.append("")
        out.append(escape(w.when()) + "  ")
        out.append(escape(w.prepared()))
        if let notice = b.notice { out.append(""); out.append("> **Note:** " + escape(notice)) }
        out.append("")
        out.append("**" + escape(w.summary()) + "**")
        if let editions = w.editions() { out.append(""); out.append(escape(editions)) }
        for (heading, people, show) in [(w.seriesHeading(), b.seriesPeople, !b.earlierEditions.isEmpty), (w.relatedHeading(), b.relatedPeople, true)] where show {
            out.append("")
            out.append("## " + escape(heading))
            if people.isEmpty { out.append(""); out.append(BriefingWording.nobody) }
            for (index, p) in people.enumerated() {
                out.append("")
                var head = "### \(index + 1). \(escape(p.name))"
                if let role = w.role(p) { head += " — \(escape(role))" }
                out.append(head)
                out.append("")
                if !p.flags.isEmpty { out.append("- **Flags:** " + w.flags(p).map { "`\($0)`" }.joined(separator: " ")) }
                out.append("- **Why:** " + escape(p.reasons.joined(separator: "; ")))
                if !p.seriesMeetings.isEmpty { out.append("- **Met:** " + escape(p.seriesMeetings.map(w.meeting).joined(separator: "; "))) }
                if !p.otherMeetings.isEmpty { out.append("- **Met elsewhere:** " + escape(p.otherMeetings.map(w.meeting).joined(separator: "; "))) }
                out.append("- **Last in touch:** " + escape(w.lastInTouch(p)))
                if !p.askAbout.isEmpty { out.append("- **Ask about:** " + escape(w.askAbout(p))) }
                if !p.facts.isEmpty { out.append("- **Facts:** " + escape(w.facts(p))) }
                if !p.notes.isEmpty {
                    out.append("- **Notes:**")
                    for note in p.notes { out.append("  - " + escape(w.note(note))) }
                    if let older = w.olderNotes(p) { out.append("  - " + escape(older)) }
                }
                if !p.unsentFollowUps.isEmpty {
                    out.append("- **Not sent:**")
                    for followUp in p.unsentFollowUps { out.append("  - " + escape(w.followUp(followUp))) }
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
        guard text.utf8.contains(where: { special.contains($0) || $0 == 0x0A || $0 == 0x0D }) else { return text }
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

    /// The bytes of the characters `escape` backslashes.
    private static let special = Set("\\`*_[]<>&|~".utf8)
}
