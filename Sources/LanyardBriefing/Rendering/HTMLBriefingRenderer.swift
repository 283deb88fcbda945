import Foundation

/// One self-contained HTML page (inline CSS, no scripts, no external assets) that reads on a
/// phone and prints cleanly. The server answers `/brief/EVENT` with it.
public enum HTMLBriefingRenderer {
    /// The briefing as a complete HTML document; every text from the database is escaped.
    public static func render(_ b: Briefing) -> String {
        let w = BriefingWording(b)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(w.title()))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header>
            <h1>\(escape(w.title()))</h1>
            <p class="meta">\(escape(w.when()))</p>
            <p class="meta">\(escape(w.prepared()))</p>
            </header>

            """
        if let notice = b.notice { out += "<p class=\"notice\"><strong>Note:</strong> \(escape(notice))</p>\n" }
        let s = b.summary
        out += "<ul class=\"summary\" aria-label=\"Summary\">\n"
        out += "<li><b>\(s.people)</b> \(s.people == 1 ? "person" : "people")</li>\n"
        out += "<li><b>\(s.stale)</b> stale</li>\n"
        out += "<li><b>\(s.neverFollowedUp)</b> never followed up</li>\n"
        if let last = s.lastEdition { out += "<li><b>\(s.newSinceLastEdition)</b> new since \(escape(last))</li>\n" }
        out += "</ul>\n"
        if let editions = w.editions() { out += "<p class=\"meta\">\(escape(editions))</p>\n" }

        for (heading, people, show) in [(w.seriesHeading(), b.seriesPeople, !b.earlierEditions.isEmpty), (w.relatedHeading(), b.relatedPeople, true)] where show {
            out += "<section>\n<h2>\(escape(heading))</h2>\n"
            if people.isEmpty { out += "<p>\(BriefingWording.nobody)</p>\n" }
            for (index, p) in people.enumerated() {
                out += "<article id=\"person-\(p.id)\">\n<h3>\(index + 1). \(escape(p.name))"
                for flag in p.flags { out += " <span class=\"flag flag-\(flag.rawValue)\">\(escape(flag.label))</span>" }
                out += "</h3>\n"
                if let role = w.role(p) { out += "<p class=\"role\">\(escape(role))</p>\n" }
                out += "<dl>\n"
                func row(_ term: String, _ html: String) { out += "<dt>\(term)</dt><dd>\(html)</dd>\n" }
                func items(_ lines: [String]) -> String {
                    lines.count == 1 ? escape(lines[0]) : "<ul class=\"plain\">" + lines.map { "<li>\(escape($0))</li>" }.joined() + "</ul>"
                }
                row("Why", items(p.reasons))
                if !p.seriesMeetings.isEmpty { row("Met", items(p.seriesMeetings.map(w.meeting))) }
                if !p.otherMeetings.isEmpty { row("Met elsewhere", items(p.otherMeetings.map(w.meeting))) }
                row("Last in touch", escape(w.lastInTouch(p)))
                if !p.askAbout.isEmpty { row("Ask about", items(p.askAbout)) }
                if !p.facts.isEmpty { row("Facts", items(p.facts.map { "\($0.key): \($0.value)" })) }
                if !p.notes.isEmpty { row("Notes", items(p.notes.map { w.note($0) } + [w.olderNotes(p)].compactMap { $0 })) }
                if !p.unsentFollowUps.isEmpty { row("Not sent", items(p.unsentFollowUps.map { w.followUp($0) })) }
                row("Strength", "\(p.strength)")
                out += "</dl>\n</article>\n"
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// Escapes the five characters that could end text and start markup.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Inline CSS: readable on a 360-pixel phone, compact and border-light on paper.
    static let style = """

        :root { color-scheme: light; }
        body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #fff; max-width: 46rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        .meta, .role { color: #555; margin: .15rem 0; }
        .notice { background: #fff6d6; border-left: 4px solid #d9a400; padding: .5rem .75rem; }
        .summary { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: 1rem 0; }
        .summary li { background: #f2f2f7; border-radius: .5rem; padding: .35rem .7rem; }
        .summary b { font-size: 1.15rem; }
        h2 { font-size: 1.2rem; border-bottom: 2px solid #ddd; padding-bottom: .25rem; margin-top: 2rem; }
        article { border: 1px solid #ddd; border-radius: .6rem; padding: .75rem 1rem; margin: .75rem 0; break-inside: avoid; page-break-inside: avoid; }
        h3 { font-size: 1.05rem; margin: 0; }
        .flag { display: inline-block; font-size: .75rem; font-weight: 600; border-radius: 1rem; padding: .05rem .5rem; margin-left: .25rem; vertical-align: middle; }
        .flag-stale { background: #ffe1e1; color: #8a1010; }
        .flag-never_followed_up { background: #fff0cc; color: #6b4800; }
        .flag-new { background: #dff5e1; color: #135c1f; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; margin: .5rem 0 0; }
        dt { font-weight: 600; color: #444; }
        dd { margin: 0; overflow-wrap: anywhere; }
        ul.plain { margin: 0; padding-left: 1.1rem; }
        @media (max-width: 30rem) { body { padding: .75rem; } dl { grid-template-columns: 1fr; gap: 0; } dt { margin-top: .35rem; } }
        @media print { body { max-width: none; padding: 0; font-size: 10.5pt; } h2 { margin-top: 1rem; } article { border-color: #aaa; } .flag { border: 1px solid currentColor; background: none; } .summary li { border: 1px solid #aaa; background: none; } }

        """
}
