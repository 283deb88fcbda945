import Foundation
import LanyardFormats
import Testing

@Suite("Google Contacts CSV")
struct CSVGoogleTests {
    @Test("the older header generation: ::: multi-values, types, multi-line notes and addresses")
    func legacy() throws {
        // Given a legacy export whose first row spans three lines
        let result = try GoogleContactsCSV.read(try CSVLinkedInTests.fixture("google-legacy.csv"))
        // Then both rows are read, with the line each starts on
        #expect(result.rejected.isEmpty)
        #expect(result.contacts.map(\.line) == [2, 5])
        let ada = result.contacts[0].card
        #expect(ada.fullName == "Dr. Ada Q. Example")
        #expect(ada.givenName == "Ada")
        #expect(ada.middleName == "Q.")
        #expect(ada.familyName == "Example")
        #expect(ada.prefix == "Dr.")
        #expect(ada.nickname == "Countess")
        #expect(ada.emails == [.init("ada@work.example.org", label: "work"), .init("ada@home.example.net", label: "home"),
                               .init("ada.other@example.com", label: "other")])
        #expect(ada.phones == [.init("+44 20 7946 0000", label: "mobile"), .init("+44 20 7946 0001", label: "work")])
        #expect(ada.organization == "Analytical Engines Ltd")
        #expect(ada.organizationUnits == ["Research"])
        #expect(ada.title == "Chief Mathematician")
        #expect(ada.linkedinURL == "https://www.linkedin.com/in/ada-example")
        #expect(ada.urls == [.init("https://ada.example.org", label: "blog")])
        #expect(ada.note == "Met at SwiftConf.\nWants the slides.")
        #expect(ada.address == "1 Example Street\nLondon")
        #expect(ada.categories == ["Conference", "Speakers"])
        #expect(ada.birthday == "1815-12-10")
        let grace = result.contacts[1].card
        #expect(grace.displayName == "Grace Sample")
        #expect(grace.organization == "Compilers, Inc.")
        #expect(grace.birthday == "--12-09")
        #expect(grace.categories.isEmpty)
    }

    @Test("the current header generation: labels, ::: phones, starred, bad rows by line")
    func current() throws {
        let result = try GoogleContactsCSV.read(try CSVLinkedInTests.fixture("google-current.csv"))
        #expect(result.contacts.map(\.line) == [2, 4])
        let jurgen = result.contacts[0].card
        #expect(jurgen.fullName == "Jürgen Beispiel Jr.")
        #expect(jurgen.suffix == "Jr.")
        #expect(jurgen.emails.map(\.value) == ["juergen@beispiel.example", "j.beispiel@example.net"])
        #expect(jurgen.emails.map(\.label) == ["work", "home"])
        #expect(jurgen.phones == [.init("+49 30 1234567", label: "mobile"), .init("+49 30 7654321", label: "work")])
        #expect(jurgen.organization == "Beispiel GmbH")
        #expect(jurgen.title == "CTO")
        #expect(jurgen.note == "Loves Swift on the server.\nTwo kids; ask about the marathon.")
        #expect(jurgen.categories == ["starred", "Investors"])
        #expect(jurgen.linkedinURL == "https://www.linkedin.com/in/juergen-beispiel")
        // A company-only contact is kept; a row whose only email is broken is refused at line 5
        #expect(result.contacts[1].card.organization == "Only A Company Ltd")
        #expect(result.rejected.map(\.line) == [5])
        #expect(result.rejected.first?.description.contains("broken-address") == true)
    }

    @Test("a CSV without Google's name columns is refused")
    func notGoogle() {
        #expect(throws: FormatError.self) { try GoogleContactsCSV.read("Name,Email\nA,a@example.org\n") }
    }
}
