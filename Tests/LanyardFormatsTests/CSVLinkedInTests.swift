import Foundation
import LanyardFormats
import Testing

@Suite("LinkedIn Connections.csv")
struct CSVLinkedInTests {
    static func fixture(_ name: String) throws -> String {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/csv/\(name)")
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    @Test("finds the header after the Notes preamble and a BOM, and maps every row")
    func connections() throws {
        // Given LinkedIn's export: BOM, "Notes:" preamble, CRLF, empty emails, quoted commas
        let text = try Self.fixture("linkedin-connections.csv")
        // When it is read
        let result = try LinkedInConnections.read(text)
        // Then every row became a contact, with its line in the file
        #expect(result.rejected.isEmpty)
        #expect(result.contacts.map(\.line) == [5, 6, 7, 8])
        #expect(result.contacts.map(\.row) == [1, 2, 3, 4])
        let ada = result.contacts[0]
        #expect(ada.card.fullName == "Ada Example")
        #expect(ada.card.givenName == "Ada")
        #expect(ada.card.familyName == "Example")
        #expect(ada.card.emails == [ContactCard.Labeled("ada@example.org")])
        #expect(ada.card.linkedinURL == "https://www.linkedin.com/in/ada-example-0a1b2c")
        #expect(ada.card.organization == "Analytical Engines Ltd")
        #expect(ada.card.title == "Chief Mathematician")
        #expect(ada.connectedOn == "2024-01-01")
        let grace = result.contacts[1]
        #expect(grace.card.emails.isEmpty)
        #expect(grace.card.organization == "Compilers, Inc.")
        #expect(grace.connectedOn == "2023-03-15")
        let jose = result.contacts[2]
        #expect(jose.card.fullName == "José Muñoz-Ñandú")
        #expect(jose.card.title == "Staff Engineer, \"Platform\"")
        #expect(jose.connectedOn == "2024-02-29")
        // A member who hides their name is still known by the profile URL
        #expect(result.contacts[3].card.fullName == nil)
        #expect(result.contacts[3].card.linkedinURL == "https://www.linkedin.com/in/private-member")
    }

    @Test("bad rows are listed with their line and the field at fault; good rows are kept")
    func badRows() throws {
        let result = try LinkedInConnections.read(try Self.fixture("linkedin-bad-rows.csv"))
        #expect(result.contacts.map(\.card.fullName) == ["Carl Testperson"])
        #expect(result.contacts.first?.card.title == "Head of \"Things\"")
        #expect(result.rejected.map(\.line) == [2, 3, 4])
        #expect(result.rejected.map(\.field) == ["Connected On", "Email Address", nil])
        #expect(result.rejected[0].description.contains("line 2"))
        #expect(result.rejected[0].description.contains("31 Feb 2024"))
    }

    @Test("a file that is not a LinkedIn export is refused")
    func notLinkedIn() {
        #expect(throws: FormatError.self) { try LinkedInConnections.read("Name,Email\nA,a@example.org\n") }
    }

    @Test("an unbalanced quote is refused at the line of its record")
    func brokenQuote() {
        let text = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,01 Jan 2024\nC,\"D,,,,,01 Jan 2024\n"
        let error = #expect(throws: FormatError.self) { try LinkedInConnections.read(text) }
        #expect(error?.line == 3)
    }

    @Test("dates: 01 Jan 2024 and 1 January 2024; impossible days refused")
    func dates() {
        #expect(LinkedInConnections.read(day: "01 Jan 2024") == "2024-01-01")
        #expect(LinkedInConnections.read(day: "1 January 2024") == "2024-01-01")
        #expect(LinkedInConnections.read(day: "29 Feb 2023") == nil)
        #expect(LinkedInConnections.read(day: "2024-01-01") == nil)
    }
}
