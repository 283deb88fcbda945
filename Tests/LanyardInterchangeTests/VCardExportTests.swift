import Foundation
import GRDB
import LanyardInterchange
import LanyardStore
import Testing

@Suite("vCard export")
struct VCardExportTests {
    @Test("each person becomes a vCard 4.0 with emails, phones, company, LinkedIn, notes and tags")
    func export() throws {
        // Given two people, one with everything
        let store = try TestDatabase()
        defer { store.cleanUp() }
        try store.populate()
        // When exported
        let (text, count) = try store.database.exportVCards()
        // Then there are two cards in address-book order, Ada's complete
        #expect(count == 2)
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        let cards = unfolded.components(separatedBy: "BEGIN:VCARD\r\n").dropFirst()
        #expect(cards.count == 2)
        #expect(cards.first?.contains("FN:Grace Hopper\r\n") == true)
        let ada = try #require(cards.last)
        #expect(ada.contains("VERSION:4.0\r\n"))
        #expect(ada.contains("N:Lovelace;Ada;;;\r\n"))
        #expect(ada.contains("EMAIL;TYPE=work:Ada@Example.org\r\n"))
        #expect(ada.contains("TEL;TYPE=cell:+44 20 7946 0000\r\n"))
        #expect(ada.contains("ORG:Analytical Engines\r\n"))
        #expect(ada.contains("TITLE:Chief\r\n"))
        #expect(ada.contains("URL;TYPE=linkedin:https://www.linkedin.com/in/ada\r\n"))
        #expect(ada.contains(#"NOTE:Wants the slides\; "quoted"\nand a second line – ünïcödé"#))
        #expect(ada.contains("CATEGORIES:investor\r\n"))
        #expect(ada.contains("UID:urn:lanyard:person:1\r\n"))
    }
}
