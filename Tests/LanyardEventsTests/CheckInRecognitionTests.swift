import Foundation
import LanyardEvents
import LanyardFormats
import LanyardStore
import Testing

/// The heart of the product: a repeat meeting is recognised, look-alike strangers are not.
@Suite("Check-in recognises a repeat meeting")
struct CheckInRecognitionTests {
    /// Given Elizabeth Moreau met at SwiftConf 2025 with a note, when `second` checks in at
    /// SwiftConf 2026, then the answer is returned for inspection.
    func meetAgain(
        first: CheckInRequest = CheckInRequest(event: "swiftconf-2025", name: "Elizabeth Moreau", company: "Acme Inc.", email: "liz@acme.com",
                                               phone: "+1 (415) 555-0134", booth: "12", note: "asked about pricing"),
        _ second: CheckInRequest
    ) throws -> (first: CheckInResult, second: CheckInResult, db: AppDatabase) {
        let db = try TestDatabase.make()
        var earlier = first
        earlier.at = TestDatabase.day2025
        let a = try db.checkIn(earlier)
        var later = second
        later.at = TestDatabase.day2026
        let b = try db.checkIn(later)
        return (a, b, db)
    }

    static let recognised: [(String, CheckInRequest)] = [
        ("same email, other case and +tag", CheckInRequest(event: "swiftconf-2026", email: "LIZ+swiftconf@Acme.com")),
        ("same phone, other format", CheckInRequest(event: "swiftconf-2026", name: "E. Moreau", phone: "415.555.0134")),
        ("nickname + same company", CheckInRequest(event: "swiftconf-2026", name: "Liz Moreau", company: "ACME")),
        ("Last, First + company", CheckInRequest(event: "swiftconf-2026", name: "Moreau, Elizabeth", company: "Acme")),
        ("word order + company", CheckInRequest(event: "swiftconf-2026", name: "Moreau Elizabeth", company: "Acme Corp.")),
        ("typo + company", CheckInRequest(event: "swiftconf-2026", name: "Elizabeht Moreau", company: "Acme")),
        ("title, middle initial + company", CheckInRequest(event: "swiftconf-2026", name: "Dr. Elizabeth J. Moreau", company: "Acme")),
        ("changed email, same name + company", CheckInRequest(event: "swiftconf-2026", name: "Elizabeth Moreau", company: "Acme", email: "liz.moreau@gmail.com")),
        ("MECARD badge", CheckInRequest(event: "swiftconf-2026", card: "MECARD:N:Moreau,Liz;EMAIL:liz@acme.com;;")),
        ("vCard badge", CheckInRequest(event: "swiftconf-2026", card: "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Moreau;Elizabeth;;;\r\nFN:Elizabeth Moreau\r\nORG:Acme\r\nEND:VCARD\r\n")),
    ]

    @Test("Recognised across variations", arguments: 0..<recognised.count)
    func recognisedVariation(_ index: Int) throws {
        let (label, request) = Self.recognised[index]
        let (first, second, db) = try meetAgain(request)
        #expect(second.recognized, "\(label): \(second.candidates.map(\.reasons))")
        #expect(second.person.id == first.person.id, "\(label)")
        #expect(second.previousMeetings.map(\.event) == ["SwiftConf 2025"], "\(label)")
        #expect(second.previousMeetings.first?.booth == "12")
        #expect(second.notes.map(\.body) == ["asked about pricing"])
        #expect(second.candidates.isEmpty)
        #expect(try TestDatabase.count(db, "person") == 1)
        #expect(try TestDatabase.count(db, "meeting") == 2)
    }

    @Test("Accents, NFD and Müller/Mueller with the same company")
    func accents() throws {
        let first = CheckInRequest(event: "swiftconf-2025", name: "José Müller", company: "Müller GmbH")
        for name in ["Jose Mueller", "Jose\u{0301} Mu\u{0308}ller", "JOSE MULLER"] {
            let (a, b, _) = try meetAgain(first: first, CheckInRequest(event: "swiftconf-2026", name: name, company: "mueller"))
            #expect(b.recognized, "\(name)")
            #expect(b.person.id == a.person.id)
        }
    }

    @Test("Hyphens and apostrophes, Jr. kept on both sides, Bob = Robert, Jonathon = Jonathan")
    func moreNames() throws {
        let pairs: [(String, String)] = [
            ("Anne-Marie O’Neil", "Anne Marie O'Neil"), ("Robert Smith Jr.", "Bob Smith Jr."), ("Jonathan Smith", "Jonathon Smith"),
            ("Jonathan Smith", "Jonahtan Smith"),
        ]
        for (stored, typed) in pairs {
            let (a, b, _) = try meetAgain(first: CheckInRequest(event: "swiftconf-2025", name: stored, company: "Globex"),
                                          CheckInRequest(event: "swiftconf-2026", name: typed, company: "Globex Ltd"))
            #expect(b.recognized, "\(stored) / \(typed)")
            #expect(b.person.id == a.person.id)
        }
    }

    @Test("LinkedIn URL forms match")
    func linkedin() throws {
        let (a, b, _) = try meetAgain(
            first: CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", linkedin: "https://www.linkedin.com/in/lizmoreau/"),
            CheckInRequest(event: "swiftconf-2026", card: "linkedin.com/in/LizMoreau"))
        #expect(b.recognized)
        #expect(b.matchedBy.contains("linkedin"))
        #expect(b.person.id == a.person.id)
    }

    static let strangers: [(String, CheckInRequest, CheckInRequest)] = [
        ("same name, other company, other email",
         CheckInRequest(event: "swiftconf-2025", name: "John Smith", company: "Acme", email: "john@acme.com"),
         CheckInRequest(event: "swiftconf-2026", name: "John Smith", company: "Globex", email: "jsmith@globex.com")),
        ("Emma vs Emily at one company",
         CheckInRequest(event: "swiftconf-2025", name: "Emily Clark", company: "Acme"),
         CheckInRequest(event: "swiftconf-2026", name: "Emma Clark", company: "Acme")),
        ("Sr. vs Jr.",
         CheckInRequest(event: "swiftconf-2025", name: "John Smith Sr.", company: "Acme"),
         CheckInRequest(event: "swiftconf-2026", name: "John Smith Jr.", company: "Acme")),
        ("different LinkedIn profiles",
         CheckInRequest(event: "swiftconf-2025", name: "John Smith", company: "Acme", linkedin: "linkedin.com/in/jsmith1"),
         CheckInRequest(event: "swiftconf-2026", name: "John Smith", company: "Acme", linkedin: "linkedin.com/in/jsmith2")),
        ("two different emails at the same company",
         CheckInRequest(event: "swiftconf-2025", name: "John Smith", company: "Acme", email: "john.smith@acme.com"),
         CheckInRequest(event: "swiftconf-2026", name: "John Smith", company: "Acme", email: "jsmith@acme.com")),
        ("different phone numbers",
         CheckInRequest(event: "swiftconf-2025", name: "John Smith", company: "Acme", phone: "+1 415 555 0100"),
         CheckInRequest(event: "swiftconf-2026", name: "John Smith", company: "Acme", phone: "+1 212 555 0199")),
        ("same name, nothing to corroborate",
         CheckInRequest(event: "swiftconf-2025", name: "John Smith"),
         CheckInRequest(event: "swiftconf-2026", name: "John Smith")),
    ]

    @Test("Look-alike strangers are never merged", arguments: 0..<strangers.count)
    func stranger(_ index: Int) throws {
        let (label, first, second) = Self.strangers[index]
        let (a, b, db) = try meetAgain(first: first, second)
        #expect(!b.recognized, "\(label)")
        #expect(b.person.id != a.person.id, "\(label)")
        #expect(try TestDatabase.count(db, "person") == 2)
    }

    @Test("Weak evidence returns the candidate with score and reasons, best first")
    func candidates() throws {
        let (a, b, _) = try meetAgain(
            first: CheckInRequest(event: "swiftconf-2025", name: "John Smith", company: "Acme", email: "john@acme.com"),
            CheckInRequest(event: "swiftconf-2026", name: "John Smith", company: "Globex", email: "jsmith@globex.com"))
        let candidate = try #require(b.candidates.first)
        #expect(candidate.person.id == a.person.id)
        #expect(candidate.score > 0 && candidate.score < MatchScorer.attachThreshold)
        #expect(candidate.reasons.contains("same name"))
        #expect(candidate.reasons.contains { $0.hasPrefix("different company") })
    }

    @Test("A recognised check-in adds the new email and phone and takes the newest company and title")
    func absorbs() throws {
        let (a, b, db) = try meetAgain(CheckInRequest(event: "swiftconf-2026", name: "Liz Moreau", company: "Globex", title: "CTO",
                                                       email: "liz@acme.com", phone: "+44 20 7946 0958"))
        #expect(b.recognized)
        #expect(b.person.company == "Globex")
        #expect(b.person.title == "CTO")
        #expect(Set(b.person.emails) == ["liz@acme.com"])
        #expect(b.person.phones.count == 2)
        #expect(a.person.id == b.person.id)
        #expect(try TestDatabase.count(db, "personEmail") == 1)
    }

    @Test("--same-as attaches whatever the evidence; --new always creates")
    func decisions() throws {
        let db = try TestDatabase.make()
        let a = try db.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", email: "liz@acme.com", at: TestDatabase.day2025))
        let forced = try db.checkIn(CheckInRequest(event: "swiftconf-2026", name: "Somebody Else", decision: .sameAs(a.person.id)))
        #expect(forced.recognized)
        #expect(forced.matchedBy == ["same-as"])
        #expect(forced.person.id == a.person.id)
        let fresh = try db.checkIn(CheckInRequest(event: "swiftconf-2026", email: "liz@acme.com", decision: .new))
        #expect(!fresh.recognized)
        #expect(fresh.person.id != a.person.id)
        #expect(fresh.candidates.first?.person.id == a.person.id)
        #expect(throws: CheckInError.unknownPerson(id: 999)) {
            try db.checkIn(CheckInRequest(event: "swiftconf-2026", name: "X Y", decision: .sameAs(999)))
        }
    }

    @Test("Bad input is refused with a clear message and writes nothing")
    func badInput() throws {
        let db = try TestDatabase.make()
        let bad: [(CheckInRequest, String)] = [
            (CheckInRequest(event: "nope-2030", name: "Liz Moreau"), "no event \"nope-2030\""),
            (CheckInRequest(event: "swiftconf-2026", card: "hello"), "card:"),
            (CheckInRequest(event: "swiftconf-2026", email: "liz-at-acme"), "email:"),
            (CheckInRequest(event: "swiftconf-2026", name: "   "), "name:"),
            (CheckInRequest(event: "swiftconf-2026"), "give at least"),
            (CheckInRequest(event: "swiftconf-2026", name: "Liz", phone: "12"), "phone:"),
        ]
        for (request, message) in bad {
            do {
                _ = try db.checkIn(request)
                Issue.record("expected \(message)")
            } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
        #expect(try TestDatabase.count(db, "person") == 0)
        #expect(try TestDatabase.count(db, "meeting") == 0)
        #expect(try TestDatabase.count(db, "personKey") == 0)
    }

    @Test("Candidates come from indexed keys, and keys follow the name")
    func keys() throws {
        let db = try TestDatabase.make()
        let a = try db.checkIn(CheckInRequest(event: "swiftconf-2025", email: "liz@acme.com"))
        #expect(a.person.name == "liz@acme.com")
        #expect(try TestDatabase.count(db, "personKey") == 0)
        let b = try db.checkIn(CheckInRequest(event: "swiftconf-2026", name: "Liz Moreau", email: "liz@acme.com"))
        #expect(b.recognized)
        #expect(b.person.name == "Liz Moreau")
        #expect(try TestDatabase.count(db, "personKey") > 0)
        let recognition = try db.recognize(ContactQueryFixtures.card(name: "Elizabeth Moreau", company: nil))
        #expect(recognition.match == nil)
        #expect(recognition.candidates.first?.person.id == b.person.id)
    }

    @Test("recognize() finds the same answer as a check-in would, and writes nothing")
    func recognizeIsPure() throws {
        let db = try TestDatabase.make()
        let a = try db.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Elizabeth Moreau", company: "Acme", email: "liz@acme.com"))
        var card = ContactQueryFixtures.card(name: "Liz Moreau", company: "ACME Inc")
        let before = try TestDatabase.count(db, "person") + TestDatabase.count(db, "personEmail") + TestDatabase.count(db, "meeting")
        let recognition = try db.recognize(card)
        #expect(recognition.match?.person.id == a.person.id)
        #expect(recognition.match?.matchedBy == ["name", "company"])
        // A nickname, the company and another address: weak, so only a candidate.
        card.emails = [.init("someone.else@gmail.com")]
        let weaker = try db.recognize(card)
        #expect(weaker.match == nil)
        #expect(weaker.candidates.first?.person.id == a.person.id)
        #expect(try TestDatabase.count(db, "person") + TestDatabase.count(db, "personEmail") + TestDatabase.count(db, "meeting") == before)
    }
}

