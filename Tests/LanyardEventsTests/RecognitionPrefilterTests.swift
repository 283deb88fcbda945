import Foundation
import GRDB
@testable import LanyardEvents
import LanyardFormats
import LanyardStore
import Testing

/// An import skips recognition for a contact when the prefilter says the book holds none of
/// its keys: that must only ever be said of a contact recognition would find nobody for.
@Suite("Recognition prefilter")
struct RecognitionPrefilterTests {
    static func card(fullName: String? = nil, organization: String? = nil, emails: [ContactCard.Labeled] = [],
                     phones: [ContactCard.Labeled] = [], linkedinURL: String? = nil) -> ContactCard {
        var card = ContactCard(fullName: fullName, emails: emails, phones: phones, organization: organization)
        card.linkedinURL = linkedinURL
        return card
    }

    /// People under shared and look-alike names, emails, phones and LinkedIn profiles.
    static let book: [ContactCard] = [
        card(fullName: "Elizabeth Moreau", organization: "Acme Inc.", emails: [.init("liz@acme.com")],
                    phones: [.init("+1 (415) 555-0134")], linkedinURL: "https://www.linkedin.com/in/lizmoreau/"),
        card(fullName: "Robert Smith Jr.", organization: "Globex"),
        card(fullName: "Robert Smith Sr.", organization: "Globex"),
        card(fullName: "José Müller", organization: "Müller GmbH", emails: [.init("jose@mueller.de")]),
        card(fullName: "Anne-Marie O’Neil", organization: "Initech"),
        card(fullName: "Jonathan Smith", organization: "Globex", phones: [.init("+44 20 7946 0000")]),
        card(fullName: "Emma Stone", organization: "Hooli", emails: [.init("emma@hooli.com")]),
        card(organization: "Nameless Ltd", emails: [.init("only.an.email@example.org")]),
    ]

    /// Contacts that are someone in the book, resemble someone, or are strangers.
    static let contacts: [ContactCard] = [
        card(fullName: "Liz Moreau", organization: "ACME"),
        card(fullName: "Moreau, Elizabeth"),
        card(fullName: "Elizabeht Moreau", organization: "Acme"),
        card(fullName: "Dr. Elizabeth J. Moreau"),
        card(emails: [.init("LIZ+conf@Acme.com")]),
        card(fullName: "E. Moreau", phones: [.init("415.555.0134")]),
        card(linkedinURL: "linkedin.com/in/lizmoreau"),
        card(fullName: "Bob Smith Jr.", organization: "Globex Ltd"),
        card(fullName: "Bobby Smyth"),
        card(fullName: "Jose Mueller", organization: "mueller"),
        card(fullName: "Jose\u{0301} Mu\u{0308}ller"),
        card(fullName: "Anne Marie O'Neil"),
        card(fullName: "Jonathon Smith", phones: [.init("020 7946 0000")]),
        card(fullName: "Emily Stone", organization: "Hooli"),
        card(fullName: "Emma Stone", organization: "Pied Piper", emails: [.init("emma@piedpiper.com")]),
        card(emails: [.init("only.an.email@example.org")]),
        card(fullName: "Nobody Known", organization: "Nowhere", emails: [.init("nobody@nowhere.example")]),
        card(fullName: "Zed Quux", phones: [.init("+49 30 1234567")]),
        card(fullName: "Mononym"),
    ]

    @Test("a contact it rules out is one recognition finds nobody for, whichever way it read the book")
    func rulesOutOnlyTheUnfindable() throws {
        let database = try TestDatabase.make()
        try database.writer.write { db in
            for card in Self.book { _ = try AppDatabase.createPerson(from: card, in: db) }
        }
        let queries = Self.contacts.map(ContactQuery.init)
        try database.reader.read { db in
            let probed = try RecognitionPrefilter(queries, readingAll: false, in: db)
            let readAll = try RecognitionPrefilter(queries, readingAll: true, in: db)
            var ruledOut = 0
            for (index, query) in queries.enumerated() {
                let recognition = try AppDatabase.recognize(query, in: db)
                let found = recognition.match != nil || !recognition.candidates.isEmpty
                #expect(probed.mayFindAnyone(index) == readAll.mayFindAnyone(index), "\(Self.contacts[index])")
                if !probed.mayFindAnyone(index) {
                    ruledOut += 1
                    #expect(!found, "ruled out, yet recognition found someone for \(Self.contacts[index])")
                }
                if found { #expect(probed.mayFindAnyone(index)) }
            }
            // Strangers are ruled out: the prefilter does save lookups
            #expect(ruledOut >= 3, "\(ruledOut) ruled out")
        }
    }

    @Test("an empty book rules out everyone; a person written later is findable by their keys")
    func learnsWrites() throws {
        let database = try TestDatabase.make()
        let queries = Self.contacts.map(ContactQuery.init)
        try database.writer.write { db in
            var prefilter = try RecognitionPrefilter(queries, in: db)
            #expect(queries.indices.allSatisfy { !prefilter.mayFindAnyone($0) })
            // Elizabeth Moreau is written by the batch: contacts that are her become findable
            let liz = try AppDatabase.createPerson(from: Self.book[0], in: db)
            try prefilter.noteWrites(to: liz.id!, in: db)
            for (index, query) in queries.enumerated() {
                let recognition = try AppDatabase.recognize(query, in: db)
                if recognition.match != nil || !recognition.candidates.isEmpty {
                    #expect(prefilter.mayFindAnyone(index), "\(Self.contacts[index])")
                }
            }
            #expect(prefilter.mayFindAnyone(0)) // Liz Moreau, by name key
            #expect(prefilter.mayFindAnyone(4)) // her email
            #expect(prefilter.mayFindAnyone(6)) // her LinkedIn profile
            #expect(!prefilter.mayFindAnyone(16)) // still nobody known
        }
    }

    @Test("a person it is told was made learns the keys that were stored, as reading them back does")
    func newPersonKeysAreTheStoredOnes() throws {
        let database = try TestDatabase.make()
        let awkward: [ContactCard] = [
            Self.card(fullName: "Dr. Anna B. C. de la Cruz III", emails: [.init("Anna@Cruz.example"), .init("anna@cruz.example"), .init("not an email")],
                      phones: [.init("+1 415 555 0100"), .init("(415) 555-0100"), .init("call me")], linkedinURL: "https://linkedin.com/in/anna-cruz"),
            Self.card(fullName: "J. K.", emails: [.init("jk@example.com")]),
            Self.card(phones: [.init("+33 1 23 45 67 89")]),
            Self.card(linkedinURL: "linkedin.com/in/only-linkedin"),
        ]
        try database.writer.write { db in
            for card in Self.book + Self.contacts + awkward {
                var told: RecognitionPrefilter? = try RecognitionPrefilter([], in: db)
                var readBack = try #require(told)
                let query = ContactQuery(card)
                let person = try AppDatabase.createPerson(from: card, query: query, noting: &told, in: db)
                try readBack.noteWrites(to: person.id!, in: db)
                #expect(told?.held == readBack.held, "\(card)")
            }
        }
    }
}
