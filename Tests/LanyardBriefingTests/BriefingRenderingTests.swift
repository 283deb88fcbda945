import Foundation
import GRDB
import LanyardStore
import Testing
@testable import LanyardBriefing

@Suite("Briefing rendered as text, markdown, JSON and HTML")
struct BriefingRenderingTests {
    static let order = ["Ada Lovelace", "Ben Okafor", "Chloé Dubois", "Eve Novak", "Hana Sato", "Dan Reyes"]

    /// True when every string occurs in `text`, in this order.
    func inOrder(_ strings: [String], in text: String) -> Bool {
        var rest = text[...]
        for string in strings {
            guard let range = rest.range(of: string) else { return false }
            rest = rest[range.upperBound...]
        }
        return true
    }

    @Test("Text: summary, both sections, people in order with flags and details")
    func text() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let text = try BriefingFormat.text.render(fixture.briefing())

        #expect(text.hasPrefix("Briefing for SwiftConf 2026 — 2026-09-14 to 2026-09-16, Berlin\n"))
        #expect(text.contains("6 people · 1 stale · 4 never followed up · 4 new since SwiftConf 2025"))
        #expect(inOrder(["== Met at earlier editions of swiftconf (3) =="] + Self.order.prefix(3)
            + ["== Met elsewhere since 2025-09-01, linked to “Berlin” or “swiftconf” (3) =="] + Self.order.suffix(3), in: text))
        #expect(text.contains("1. Ada Lovelace — CTO, Analytical Engines\n"))
        #expect(text.contains("2. Ben Okafor — iOS Engineer, Plain <Sight> & Co  [never followed up] [new]\n"))
        #expect(text.contains("3. Chloé Dubois — Designer, Octet  [stale] [never followed up]\n"))
        #expect(text.contains("   Met: SwiftConf 2024 (2024-09-10, booth A12); SwiftConf 2025 (2025-09-15, booth A12)\n"))
        #expect(text.contains("   Ask about: the Rust port; her marathon\n"))
        #expect(text.contains("   Facts: family: twin daughters\n"))
        #expect(text.contains("   Note 2026-05-01: Sent her the SwiftConf CFP link\n"))
        #expect(text.contains("   (1 older note)\n"))
        #expect(text.contains("   Not sent: “Great to meet you at SwiftConf” (draft, due 2025-09-16, SwiftConf 2025)\n"))
        #expect(text.contains("   Last in touch: 2024-09-11 (23 months ago)\n"))
        #expect(!text.contains("Finn"))
        #expect(!text.contains("Gus"))
    }

    @Test("Markdown: headings per section and person, flags as code, user text escaped")
    func markdown() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let markdown = try BriefingFormat.markdown.render(fixture.briefing())

        #expect(markdown.hasPrefix("# Briefing for SwiftConf 2026\n"))
        #expect(markdown.contains("**6 people · 1 stale · 4 never followed up · 4 new since SwiftConf 2025**"))
        #expect(inOrder(["## Met at earlier editions of swiftconf (3)", "### 1. Ada Lovelace", "### 2. Ben Okafor", "### 3. Chloé Dubois",
                         "## Met elsewhere since", "### 1. Eve Novak", "### 2. Hana Sato", "### 3. Dan Reyes"], in: markdown))
        #expect(markdown.contains("### 2. Ben Okafor — iOS Engineer, Plain \\<Sight\\> \\& Co\n"))
        #expect(markdown.contains("- **Flags:** `stale` `never followed up`\n"))
        #expect(markdown.contains("- **Ask about:** the Rust port; her marathon\n"))
        #expect(markdown.contains("  - 2026-05-01: Sent her the SwiftConf CFP link\n"))
        #expect(!markdown.contains("<Sight>"))
    }

    @Test("JSON: one document, snake_case keys, round-trips")
    func json() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }
        let briefing = try fixture.briefing()

        let json = try BriefingFormat.json.render(briefing)

        let decoded = try LanyardJSON.decoder().decode(Briefing.self, from: Data(json.utf8))
        #expect(decoded == briefing)
        #expect(Briefing.names(decoded.allPeople) == Self.order)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["event", "summary", "series_people", "related_people", "earlier_editions", "stale_after_days"]))
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["never_followed_up"] as? Int == 4)
        #expect(summary["new_since_last_edition"] as? Int == 4)
        let series = try #require(object["series_people"] as? [[String: Any]])
        #expect(series.map { $0["flags"] as? [String] ?? [] } == [[], ["never_followed_up", "new"], ["stale", "never_followed_up"]])
        #expect(series.first?["last_in_touch"] as? String == "2026-05-01T12:00:00Z")
    }

    @Test("HTML: one self-contained page, escaped, for a phone and for paper")
    func html() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }

        let html = HTMLBriefingRenderer.render(try fixture.briefing())

        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("<style>") && html.contains("@media print"))
        for external in ["<script", "<link", "<img", "src=", "http://", "https://", "url(", "@import"] {
            #expect(!html.contains(external), "external or active content: \(external)")
        }
        #expect(html.contains("Plain &lt;Sight&gt; &amp; Co"))
        #expect(!html.contains("<Sight>"))
        #expect(inOrder(Self.order.map { "\($0)" }, in: html))
        #expect(html.contains("<h3>3. Chloé Dubois <span class=\"flag flag-stale\">stale</span> <span class=\"flag flag-never_followed_up\">never followed up</span></h3>"))
        #expect(html.contains("<li><b>6</b> people</li>"))
        #expect(html.contains("<li><b>4</b> new since SwiftConf 2025</li>"))
        #expect(html.components(separatedBy: "<article").count - 1 == 6)
    }

    @Test("Every format carries the notice when there is no series history, and empty sections say so")
    func noticeEverywhere() throws {
        let fixture = try BriefingFixture()
        defer { fixture.remove() }
        try fixture.database.writer.write { db in
            var event = Event(slug: "swiftsummit-2026", name: "Swift Summit 2026", series: "swiftsummit",
                              startDate: CalendarDay("2026-10-01")!, endDate: CalendarDay("2026-10-01")!, city: "Lisbon")
            try event.insert(db)
        }
        let briefing = try fixture.briefing("swiftsummit-2026")
        #expect(briefing.allPeople.isEmpty)

        for format in BriefingFormat.allCases {
            let document = try format.render(briefing)
            #expect(document.contains("no earlier editions of swiftsummit — here is who you met in Lisbon instead"), "\(format)")
            if format != .json { #expect(document.contains("Nobody."), "\(format)") }
        }
    }
}
