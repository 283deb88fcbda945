import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardStore
import Testing

/// The batch recogniser (an image of the book's keys, for imports) must decide exactly as the
/// SQL recognition of a check-in does, at every step of a batch that writes as it goes.
@Suite("Batch recognition agrees with SQL recognition")
struct BatchRecognizerTests {
    /// A linear congruential generator (Knuth's MMIX constants): the same contacts on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    // Nicknames, accents, typos, word order, look-alike family names (one Soundex), Jr./Sr.
    static let givens = ["Elizabeth", "Liz", "Beth", "Elisabeth", "Robert", "Bob", "Rob", "William", "Bill", "Jon", "John",
                         "Jonathan", "Jonathon", "José", "Jose", "Anna", "Ana", "Hannah", "Emma", "Emily", "Chloé", "Zoë", "J."]
    static let families = ["Moreau", "Moreaux", "Smith", "Smyth", "Schmidt", "Müller", "Mueller", "Muller", "García", "Garcia",
                           "O’Brien", "OBrien", "Nguyen", "Kowalski", "Kowalsky", "de la Cruz"]
    static let suffixes = [nil, nil, nil, nil, "Jr.", "Sr.", "III", "PhD"]
    static let companies = [nil, "Acme", "ACME, Inc.", "Acme Corp", "Globex", "Müller GmbH & Co. KG", "Initech", "The Initech Company"]
    static let domains = ["acme.com", "gmail.com", "globex.com", "initech.io"]

    /// A contact drawn from small pools, so that names, emails, phones and profiles often meet.
    static func contact(_ rng: inout Seeded) -> ContactCard {
        var card = ContactCard()
        let shape = Int.random(in: 0..<10, using: &rng)
        let given = givens.randomElement(using: &rng)!
        let family = families.randomElement(using: &rng)!
        let suffix = suffixes.randomElement(using: &rng)!
        switch shape {
        case 0: card.fullName = "\(family), \(given)" // Last, First
        case 1: card.fullName = given // a given name only
        case 2: card.fullName = "\(family) \(given)" // other word order
        case 3: break // no name at all
        default:
            card.givenName = given
            card.familyName = family
            card.suffix = suffix
            card.fullName = [given, family, suffix].compactMap { $0 }.joined(separator: " ")
        }
        card.organization = companies.randomElement(using: &rng)!
        if Int.random(in: 0..<3, using: &rng) > 0 {
            let local = (card.givenName ?? given).lowercased().filter(\.isLetter)
            let n = Int.random(in: 0..<4, using: &rng)
            card.emails.append(.init("\(local)\(n)@\(domains.randomElement(using: &rng)!)"))
        }
        if Int.random(in: 0..<3, using: &rng) == 0 {
            card.phones.append(.init("+1 415 555 01\(Int.random(in: 10..<40, using: &rng))"))
        }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            card.linkedinURL = "https://www.linkedin.com/in/\(family.lowercased().filter(\.isLetter))-\(Int.random(in: 0..<5, using: &rng))"
        }
        if card.fullName == nil, card.emails.isEmpty, card.phones.isEmpty, card.linkedinURL == nil {
            card.emails.append(.init("nobody\(Int.random(in: 0..<5, using: &rng))@acme.com"))
        }
        return card
    }

    /// Given a book of varied people, when contacts are recognised both ways and then created or
    /// merged as an import does, then both answers are equal at every step, and the image kept
    /// up during the batch equals one loaded afresh at the end.
    @Test("the same answers over a batch that creates and merges", arguments: [1, 2, 3])
    func agreesThroughABatch(seed: UInt64) throws {
        let database = try TestDatabase.make()
        var rng = Seeded(state: seed)
        let date = TestDatabase.day2026
        try database.writer.write { db in
            for _ in 0..<120 { _ = try AppDatabase.createPerson(from: Self.contact(&rng), at: date, in: db) }
            let recognizer = try BatchRecognizer(loading: db)
            var merged = 0, candidates = 0
            for step in 0..<400 {
                let card = Self.contact(&rng)
                let query = ContactQuery(card)
                let expected = try AppDatabase.recognize(query, in: db)
                let answer = try recognizer.recognize(query, in: db)
                #expect(answer == expected, "step \(step): \(card.fullName ?? card.emails.first?.value ?? "-")")
                if var person = expected.match?.person {
                    try recognizer.willChange(person.id!, in: db)
                    let changed = try AppDatabase.absorb(card, into: &person, at: date, in: db)
                    if changed { try recognizer.didChange(person.id!, in: db) }
                    merged += 1
                } else {
                    if !expected.candidates.isEmpty { candidates += 1 }
                    let person = try AppDatabase.createPerson(from: card, query: query, at: date, in: db)
                    recognizer.noteCreated(person, emails: query.emails, phones: query.phones)
                }
            }
            // The pools meet often: both kinds of answer were exercised.
            #expect(merged > 20)
            #expect(candidates > 20)
            #expect(recognizer.snapshot == (try BatchRecognizer(loading: db).snapshot))
        }
    }

    /// Given more than 64 name-key rows for one name, when it is recognised, then both ways read
    /// the same 64 rows (keys in byte order, people by id) and find the same people.
    @Test("the 64-row limit of the name query is read the same way")
    func nameRowLimit() throws {
        let database = try TestDatabase.make()
        try database.writer.write { db in
            // 90 Anna Kowalskis at other companies, and look-alikes under the same keys.
            for i in 0..<90 {
                let name = ["Anna Kowalski", "Ana Kowalsky", "Hannah Kowalski", "Anna Kovalski"][i % 4]
                _ = try AppDatabase.createPerson(from: ContactCard(fullName: name, organization: "Company \(i)"), in: db)
            }
            let recognizer = try BatchRecognizer(loading: db)
            for name in ["Anna Kowalski", "Kowalski, Anna", "Ana Kowalski", "Anne Kowalski", "Kowalski Hannah", "Anna Kowalsky"] {
                for company in [nil, "Company 7", "Company 80"] {
                    let query = ContactQuery(ContactCard(fullName: name, organization: company))
                    let expected = try AppDatabase.recognize(query, in: db)
                    #expect(try recognizer.recognize(query, in: db) == expected, "\(name) / \(company ?? "-")")
                }
            }
        }
    }

    /// Given a person changed after the image was loaded (a real name where an email stood in,
    /// a new email, another company), when they are recognised again, then both ways agree.
    @Test("a person changed during the batch is found by their new keys only")
    func changedPerson() throws {
        let database = try TestDatabase.make()
        try database.writer.write { db in
            var person = try AppDatabase.createPerson(from: ContactCard(emails: [.init("liz@acme.com")]), in: db)
            let recognizer = try BatchRecognizer(loading: db)
            var card = ContactCard(fullName: "Liz Moreau", emails: [.init("liz@acme.com"), .init("liz@gmail.com")], organization: "Globex")
            card.linkedinURL = "linkedin.com/in/lizmoreau"
            #expect(try recognizer.recognize(ContactQuery(card), in: db).match?.person.id == person.id)
            try recognizer.willChange(person.id!, in: db)
            let changed = try AppDatabase.absorb(card, into: &person, at: Date(), in: db)
            #expect(changed)
            try recognizer.didChange(person.id!, in: db)
            for probe in [ContactCard(fullName: "Elizabeth Moreau", organization: "Globex"),
                          ContactCard(emails: [.init("LIZ@gmail.com")]),
                          ContactCard(fullName: "Liz Moreau", organization: "Acme")] {
                let query = ContactQuery(probe)
                #expect(try recognizer.recognize(query, in: db) == (try AppDatabase.recognize(query, in: db)))
            }
            #expect(recognizer.snapshot == (try BatchRecognizer(loading: db).snapshot))
        }
    }
}
