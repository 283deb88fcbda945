import Foundation
import LanyardEvents
import LanyardFormats
import Testing

@Suite("Name and contact normalisation")
struct NormalizationTests {
    @Test("Folding: case, NFC/NFD, accents, German transliteration, apostrophes, hyphens")
    func folding() {
        #expect(TextFolding.fold("José") == "jose")
        #expect(TextFolding.fold("Mu\u{0308}ller") == "mueller")
        #expect(TextFolding.fold("Müller") == "mueller")
        #expect(TextFolding.fold("STRAẞE Groß") == "strasse gross")
        #expect(TextFolding.words("  O’Brien-Smith  d'Arcy ") == ["obrien", "smith", "darcy"])
    }

    @Test("Names: titles, suffixes, Last, First, middle initials")
    func names() throws {
        let dr = try #require(PersonName("Dr. Liz  Moreau Jr."))
        #expect(dr.given == "liz")
        #expect(dr.others == ["moreau"])
        #expect(dr.generation == "jr")
        let comma = try #require(PersonName("Moreau, Liz"))
        #expect(comma.display == "Liz Moreau")
        #expect(comma.sortName == "Moreau, Liz")
        #expect(comma.coreTokens == ["liz", "moreau"])
        let initial = try #require(PersonName("John F. Kennedy"))
        #expect(initial.initials == ["f"])
        #expect(initial.coreTokens == ["john", "kennedy"])
        let phd = try #require(PersonName("Liz Moreau, PhD"))
        #expect(phd.coreTokens == ["liz", "moreau"])
        #expect(PersonName("   ") == nil)
        #expect(PersonName("Liz Moreau")?.sortName == "Moreau, Liz")
    }

    @Test("Sort names from a card's family name, in whatever Unicode form each part came")
    func cardSortNames() throws {
        let card = ContactCard(fullName: "Dr. Anne-Marie O’Neil", givenName: "Anne-Marie", familyName: "O’Neil")
        #expect(PersonName(card: card)?.sortName == "O’Neil, Dr. Anne-Marie")
        // FN composed, N decomposed: the family name is still found in the display name
        let mixed = ContactCard(fullName: "José Müller", givenName: "José", familyName: "Mu\u{0308}ller")
        #expect(PersonName(card: mixed)?.sortName == "Mu\u{0308}ller, José")
        let twice = ContactCard(fullName: "Lee Lee", givenName: "Lee", familyName: "Lee")
        #expect(PersonName(card: twice)?.sortName == "Lee")
        let ascii = ContactCard(fullName: "Mary Ann Smith-Jones", givenName: "Mary Ann", familyName: "Smith-Jones")
        #expect(PersonName(card: ascii)?.sortName == "Smith-Jones, Mary Ann")
        let double = ContactCard(fullName: "Ana García López", givenName: "Ana", familyName: "García López")
        #expect(PersonName(card: double)?.sortName == "García López, Ana")
    }

    @Test("Emails, phones, LinkedIn and companies normalise to one key")
    func contacts() {
        #expect(ContactNormalizer.email("Liz+SwiftConf@ACME.com ") == "liz@acme.com")
        #expect(ContactNormalizer.email("not-an-email") == nil)
        #expect(ContactNormalizer.email("liz@localhost") == nil)
        #expect(ContactNormalizer.phone("+1 (415) 555-0134") == ContactNormalizer.phone("415.555.0134"))
        #expect(ContactNormalizer.phone("+49 30 1234567") == ContactNormalizer.phone("030 1234567"))
        #expect(ContactNormalizer.phone("+1 415 555 0134 ext. 12") == ContactNormalizer.phone("4155550134"))
        #expect(ContactNormalizer.phone("BusinessPhone") == nil)
        #expect(ContactNormalizer.linkedin("https://www.linkedin.com/in/x/") == ContactNormalizer.linkedin("linkedin.com/in/x"))
        #expect(ContactNormalizer.company("ACME, Inc.") == "acme")
        #expect(ContactNormalizer.company("Acme Corp") == "acme")
        #expect(ContactNormalizer.company("Müller GmbH & Co. KG") == ContactNormalizer.company("mueller"))
        #expect(ContactNormalizer.company("Ltd") == "ltd")
    }

    @Test("Nicknames load once from the shipped table; Emma is not Emily")
    func nicknames() {
        let table = NicknameTable.shared
        #expect(table.count > 1000)
        #expect(table.areNicknames("liz", "elizabeth"))
        #expect(table.areNicknames("bob", "robert"))
        #expect(!table.areNicknames("emma", "emily"))
    }

    @Test("Name comparison: every variation agrees; look-alikes do not")
    func comparison() {
        func level(_ a: String, _ b: String) -> NameComparison.Level {
            NameComparison.compare(PersonName(a), PersonName(b)).level
        }
        #expect(level("Liz Moreau", "liz  MOREAU") == .same)
        #expect(level("José Müller", "Jose Mueller") == .same)
        #expect(level("Jose\u{0301} Mu\u{0308}ller", "José Müller") == .same)
        #expect(level("Moreau, Liz", "Liz Moreau") == .same)
        #expect(level("Moreau Liz", "Liz Moreau") == .same)
        #expect(level("Dr. Liz Moreau", "Liz Moreau") == .same)
        #expect(level("John F. Kennedy", "John Kennedy") == .same)
        #expect(level("Anne-Marie O'Neil", "Anne Marie O’Neil") == .same)
        #expect(level("Liz Moreau", "Elizabeth Moreau") == .equivalent)
        #expect(level("Bob Smith", "Robert Smith") == .equivalent)
        #expect(level("Jonathon Smith", "Jonathan Smith") == .equivalent)
        #expect(level("Jhon Smith", "John Smith") == .equivalent)
        #expect(level("Emma Clark", "Emily Clark") == .familyOnly)
        #expect(level("Mark Lee", "Mary Lee") == .familyOnly)
        #expect(level("Liz Moreau", "Tom Baker") == .different)
        let jr = NameComparison.compare(PersonName("John Smith Sr."), PersonName("John Smith Jr."))
        #expect(jr.generationConflict)
        #expect(jr.contrary == ["Sr. vs Jr."])
    }
}
