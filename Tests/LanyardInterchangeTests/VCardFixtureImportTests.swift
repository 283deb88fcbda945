import Foundation
import LanyardInterchange
import Testing

/// Every shared vCard export (../shared/fixtures/vcard, copied with its licence into
/// LanyardFormatsTests/Fixtures) imported into an empty database through recognition.
@Suite("vCard fixtures through import")
struct VCardFixtureImportTests {
    /// Who a file must leave in the database: name, company, emails, phones (in file order).
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var people: [(name: String, company: String?, emails: [String], phones: [String])]
        var merged = 0
        var description: String { file }
    }

    static let johnIBM = ["john.doe@ibm.com"]
    static let iPhones = ["905-555-1234", "905-666-1234", "905-777-1234", "905-888-1234", "905-999-1234", "905-111-1234", "905-222-1234"]

    static let files: [Expected] = [
        // Android 2.1: two cards with only an email, quoted-printable UTF-8 names; the fifth card
        // shares the cell 123456 with the fourth, so the check-in rule merges it into that person.
        Expected(file: "John_Doe_ANDROID.vcf", people: [
            ("jane.doe@company.com", nil, ["jane.doe@company.com"], []),
            ("john.doe@company.com", nil, ["john.doe@company.com"], []),
            ("Ñ Ñ Ñ Ñ Ñ", nil, [], ["123456789"]),
            ("Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ", String(repeating: "Ñ", count: 12), ["bob@company.com"], ["123456", "234567", "3456789", "45678901"]),
            ("ÑÑÑÑ", String(repeating: "Ñ", count: 44), ["henry@company.com"], ["55556666"]),
        ], merged: 1),
        Expected(file: "John_Doe_BLACK_BERRY.vcf", people: [("John Doe", "Acme Solutions", [], ["+96123456789"])]),
        Expected(file: "John_Doe_EVOLUTION.vcf", people: [("John Richter James Doe Sr.", "IBM", johnIBM, ["905-666-1234", "905-555-1234"])]),
        Expected(file: "John_Doe_GMAIL.vcf", people: [("John Richter James Doe Sr.", "IBM", johnIBM, ["905-555-1234", "905-666-1234"])]),
        Expected(file: "John_Doe_IPHONE.vcf", people: [("Mr. John Richter James Doe Sr.", "IBM", johnIBM, iPhones)]),
        Expected(file: "John_Doe_LOTUS_NOTES.vcf", people: [("Mr. Doe John I Johny", "IBM", ["john.doe@ibm.com", "billy_bob@gmail.com"], ["+1 (212) 204-34456", "00-1-212-555-7777"])]),
        Expected(file: "John_Doe_MAC_ADDRESS_BOOK.vcf", people: [("John Richter James Doe Sr.", "IBM", johnIBM,
            ["905-777-1234", "905-666-1234", "905-555-1234", "905-888-1234", "905-999-1234", "905-111-1234", "905-222-1234"])]),
        Expected(file: "John_Doe_MS_OUTLOOK.vcf", people: [("Mr. John Richter James Doe Sr.", "IBM", ["john.doe@ibm.cm"], ["(905) 555-1234", "(905) 666-1234"])]),
        Expected(file: "fullcontact.vcf", people: [("Prefix FirstName MiddleName LastName Suffix", "Organization1",
            ["home@example.com", "work@example.com", "school@example.com", "other@example.com", "custom@example.com"],
            (1...9).map { "555-555-111\($0)" })]),
        Expected(file: "gmail-list.vcf", people: [
            ("Arnold Smith", nil, ["asmithk@gmail.com"], []),
            ("Chris Beatle", nil, ["chrisy55d@yahoo.com"], []),
            ("Doug White", nil, ["dwhite@gmail.com"], []),
        ]),
        Expected(file: "gmail-single.vcf", people: [("Greg Dartmouth", "TheCompany", ["gdartmouth@hotmail.com"], ["555 555 1111", "555 555 2222"])]),
        Expected(file: "gmail-single2.vcf", people: [("VCard Test", "TheCompany",
            ["email@example.com", "homeemail@example.com", "workemail@example.com", "otheremail@example.com", "customcategory@example.com"],
            (1111...1121).map { "555555\($0)" })]),
        Expected(file: "outlook-2003.vcf", people: [("John Doe III", "Company, The", ["jdoe@hotmail.com"], [])]),
        Expected(file: "outlook-2007.vcf", people: [("Mr. Michael Angstadt Jr.", "TheCompany", ["mike.angstadt@gmail.com"],
            ["(111) 555-1111", "(111) 555-2222", "(111) 555-4444", "(111) 555-3333"])]),
        Expected(file: "rfc2426-example.vcf", people: [
            ("Frank Dawson", "Lotus Development Corporation", ["Frank_Dawson@Lotus.com", "fdawson@earthlink.net"], ["+1-919-676-9515", "+1-919-676-9564"]),
            ("Tim Howes", "Netscape Communications Corp.", ["howes@netscape.com"], ["+1-415-937-3419", "+1-415-528-4164"]),
        ]),
        Expected(file: "rfc6350-example.vcf", people: [("Simon Perreault", "Viagenie", ["simon.perreault@viagenie.ca"], ["+1-418-656-9254 ext. 102", "+1-418-262-6501"])]),
        Expected(file: "thunderbird-MoreFunctionsForAddressBook-extension.vcf", people: [("John Doe", "TheOrganization",
            ["doe.john@hotmail.com", "additional-email@company.com", "additional-email1@company.com", "additional-email2@company.com", "additional-email3@company.com"],
            ["555-555-1111", "555-555-2222", "555-555-5555", "555-555-3333", "555-555-4444"])]),
    ]

    @Test("imports with the right names, emails, phones and companies", arguments: files)
    func fixture(_ expected: Expected) throws {
        // Given an empty database
        let store = try TestDatabase()
        defer { store.cleanUp() }
        // When the file is imported (no --skip-invalid: every card must be importable)
        let summary = try store.importFixture(expected.file, format: .vCard)
        // Then exactly the expected people are there
        #expect(summary.added == expected.people.count)
        #expect(summary.merged == expected.merged)
        #expect(summary.skipped == 0)
        let people = try store.people()
        #expect(people.map(\.name) == expected.people.map(\.name))
        for (person, want) in zip(people, expected.people) {
            #expect(person.company == want.company, "\(want.name)")
            #expect(person.emails == want.emails, "\(want.name)")
            #expect(person.phones == want.phones, "\(want.name)")
        }
    }

    @Test("every shared fixture file is covered")
    func coverage() throws {
        let vcf = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("")).filter { $0.hasSuffix(".vcf") }
        #expect(Set(vcf) == Set(Self.files.map(\.file)))
    }
}
