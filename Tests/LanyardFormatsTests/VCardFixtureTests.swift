import Foundation
import LanyardFormats
import Testing

/// Every real-world export in Fixtures/ parses with the right names, emails, phones and companies.
@Suite("vCard reader on real exports")
struct VCardFixtureTests {
    @Test("iPhone 3.0: structured name, itemN group email, seven phones, ORG with a unit, X-ABLabel")
    func iPhone() throws {
        let cards = try VCardReader.parse(FixtureLoader.text("John_Doe_IPHONE.vcf"))
        let card = try #require(cards.first)
        #expect(cards.count == 1)
        #expect(card.fullName == "Mr. John Richter James Doe Sr.")
        #expect(card.givenName == "John")
        #expect(card.familyName == "Doe")
        #expect(card.middleName == "Richter James")
        #expect(card.prefix == "Mr.")
        #expect(card.suffix == "Sr.")
        #expect(card.nickname == "Johny")
        #expect(card.emails.map(\.value) == ["john.doe@ibm.com"])
        #expect(card.phones.count == 7)
        #expect(card.phones.first?.value == "905-555-1234")
        #expect(card.phones.contains(.init("905-222-1234", label: "AssistantPhone")))
        #expect(card.organization == "IBM")
        #expect(card.organizationUnits == ["Accounting"])
        #expect(card.title == "Money Counter")
        #expect(card.urls.first == .init("http://www.ibm.com", label: "HomePage"))
        #expect(card.birthday == "2012-06-06")
    }

    @Test("Android 2.1: quoted-printable UTF-8 names with soft line breaks, cards without names")
    func android() throws {
        let cards = try VCardReader.parse(FixtureLoader.text("John_Doe_ANDROID.vcf"))
        #expect(cards.count == 6)
        #expect(cards[0].emails.map(\.value) == ["john.doe@company.com"])
        #expect(cards[0].displayName == nil)
        #expect(cards[0].categories == ["My Contacts"])
        #expect(cards[1].emails.map(\.value) == ["jane.doe@company.com"])
        #expect(cards[2].fullName == "Ñ Ñ Ñ Ñ Ñ")
        #expect(cards[2].phones.map(\.value) == ["123456789"])
        #expect(cards[3].fullName == "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ")
        #expect(cards[3].phones.count == 4)
        #expect(cards[3].note?.hasPrefix("Ñ Ñ") == true)
        #expect(cards[4].emails.first == .init("bob@company.com", label: "work"))
        #expect(cards[4].emails.count == 2)
        #expect(cards[4].emails[1].value == String(repeating: "Ñ", count: 14))
        #expect(cards[4].organization == String(repeating: "Ñ", count: 12))
        #expect(cards[4].urls.count == 2)
        #expect(cards[5].emails.map(\.value) == ["henry@company.com"])
    }

    @Test("Outlook 2.1: unescaped commas in N, quoted-printable NOTE and LABEL, base64 PHOTO skipped")
    func outlook() throws {
        let card = try #require(try VCardReader.parse(FixtureLoader.text("John_Doe_MS_OUTLOOK.vcf")).first)
        #expect(card.familyName == "Doe")
        #expect(card.givenName == "John")
        #expect(card.emails.map(\.value) == ["john.doe@ibm.cm"])
        #expect(card.phones.map(\.value) == ["(905) 555-1234", "(905) 666-1234"])
        #expect(card.phones.first?.label == "work")
        #expect(card.organization == "IBM")
        #expect(card.birthday == "19800322")

        let old = try #require(try VCardReader.parse(FixtureLoader.text("outlook-2003.vcf")).first)
        #expect(old.fullName == "John Doe III")
        #expect(old.suffix == "III")
        #expect(old.organization == "Company, The")
        #expect(old.emails.map(\.value) == ["jdoe@hotmail.com"])
        #expect(old.note == "This is the note field!!\r\nSecond line\r\n\r\nThird line is empty")

        let newer = try #require(try VCardReader.parse(FixtureLoader.text("outlook-2007.vcf")).first)
        #expect(newer.fullName == "Mr. Michael Angstadt Jr.")
        #expect(newer.emails.map(\.value) == ["mike.angstadt@gmail.com"])
        #expect(newer.phones.first?.value == "(111) 555-1111")
        #expect(newer.organization == "TheCompany")
        #expect(newer.note?.contains("I assume it encodes this text inside a NOTE vCard type.") == true)
    }

    @Test("Gmail, Evolution, Mac, Lotus, BlackBerry, Thunderbird: names, emails, phones, companies")
    func desktopExports() throws {
        let gmail = try #require(try VCardReader.parse(FixtureLoader.text("John_Doe_GMAIL.vcf")).first)
        #expect(gmail.fullName == "Mr. John Richter, James Doe Sr.")
        #expect(gmail.middleName == "Richter, James".replacingOccurrences(of: ",", with: ""))
        #expect(gmail.emails.map(\.value) == ["john.doe@ibm.com"])
        #expect(gmail.phones.map(\.value) == ["905-555-1234", "905-666-1234"])
        #expect(gmail.organization == "IBM")
        #expect(gmail.urls.first?.value == "http://www.ibm.com")
        #expect(gmail.note?.hasSuffix("Favotire Color: Blue") == true)

        let evolution = try #require(try VCardReader.parse(FixtureLoader.text("John_Doe_EVOLUTION.vcf")).first)
        #expect(evolution.emails.map(\.value) == ["john.doe@ibm.com"])
        #expect(evolution.phones.map(\.value) == ["905-666-1234", "905-555-1234"])
        #expect(evolution.organization == "IBM")
        #expect(evolution.organizationUnits == ["Accounting", "Dungeon"])
        #expect(evolution.categories == ["VIP"])

        let mac = try #require(try VCardReader.parse(FixtureLoader.text("John_Doe_MAC_ADDRESS_BOOK.vcf")).first)
        #expect(mac.givenName == "John")
        #expect(mac.familyName == "Doe")
        #expect(mac.emails.map(\.value) == ["john.doe@ibm.com"])
        #expect(mac.phones.count == 7)
        #expect(mac.organization == "IBM")

        let lotus = try #require(try VCardReader.parse(FixtureLoader.text("John_Doe_LOTUS_NOTES.vcf")).first)
        #expect(lotus.familyName == "Doe")
        #expect(lotus.emails.map(\.value) == ["john.doe@ibm.com", "billy_bob@gmail.com"])
        #expect(lotus.phones.map(\.value) == ["+1 (212) 204-34456", "00-1-212-555-7777"])
        #expect(lotus.organization == "IBM")
        #expect(lotus.nickname == "Johny,JayJay")

        let blackberry = try #require(try VCardReader.parse(FixtureLoader.text("John_Doe_BLACK_BERRY.vcf")).first)
        #expect(blackberry.fullName == "John Doe")
        #expect(blackberry.organization == "Acme Solutions")
        #expect(blackberry.phones.map(\.value) == ["+96123456789"])

        let thunderbird = try #require(try VCardReader.parse(FixtureLoader.text("thunderbird-MoreFunctionsForAddressBook-extension.vcf")).first)
        #expect(thunderbird.fullName == "John Doe")
        #expect(thunderbird.emails.count == 5)
        #expect(thunderbird.emails.first?.value == "doe.john@hotmail.com")
        #expect(thunderbird.phones.count == 5)
        #expect(thunderbird.organization == "TheOrganization")
        #expect(thunderbird.title == "TheTitle")
    }

    @Test("Gmail lists and singles, FullContact 4.0, the RFC examples")
    func webAndRFC() throws {
        let list = try VCardReader.parse(FixtureLoader.text("gmail-list.vcf"))
        #expect(list.map(\.fullName) == ["Arnold Smith", "Chris Beatle", "Doug White"])
        #expect(list.map { $0.emails.first?.value } == ["asmithk@gmail.com", "chrisy55d@yahoo.com", "dwhite@gmail.com"])

        let single = try #require(try VCardReader.parse(FixtureLoader.text("gmail-single.vcf")).first)
        #expect(single.fullName == "Greg Dartmouth")
        #expect(single.phones == [.init("555 555 1111", label: "cell"), .init("555 555 2222", label: "GRAND_CENTRAL")])
        #expect(single.organization == "TheCompany")
        #expect(single.note == "This is GMail's note field.\nIt should be added as a NOTE type.\nACustomField: CustomField")

        let single2 = try #require(try VCardReader.parse(FixtureLoader.text("gmail-single2.vcf")).first)
        #expect(single2.emails.count == 5)
        #expect(single2.emails.last == .init("customcategory@example.com", label: "CustomEmailCategory"))
        #expect(single2.phones.count == 11)

        let full = try #require(try VCardReader.parse(FixtureLoader.text("fullcontact.vcf")).first)
        #expect(full.givenName == "FirstName")
        #expect(full.familyName == "LastName")
        #expect(full.emails.count == 5)
        #expect(full.phones.count == 9)
        #expect(full.organization == "Organization1")
        #expect(full.title == "Title1")
        #expect(full.note == "Notes line 1\nNotes line 2")

        let rfc2426 = try VCardReader.parse(FixtureLoader.text("rfc2426-example.vcf"))
        #expect(rfc2426.map(\.fullName) == ["Frank Dawson", "Tim Howes"])
        #expect(rfc2426[0].emails.map(\.value) == ["Frank_Dawson@Lotus.com", "fdawson@earthlink.net"])
        #expect(rfc2426[0].organization == "Lotus Development Corporation")
        #expect(rfc2426[1].organization == "Netscape Communications Corp.")
        #expect(rfc2426[1].phones.first?.value == "+1-415-937-3419")

        let rfc6350 = try #require(try VCardReader.parse(FixtureLoader.text("rfc6350-example.vcf")).first)
        #expect(rfc6350.fullName == "Simon Perreault")
        #expect(rfc6350.emails.map(\.value) == ["simon.perreault@viagenie.ca"])
        #expect(rfc6350.phones.map(\.value) == ["+1-418-656-9254 ext. 102", "+1-418-262-6501"])
        #expect(rfc6350.organization == "Viagenie")
        #expect(rfc6350.birthday == "--0203")
    }
}
