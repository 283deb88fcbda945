import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardInterchange
import LanyardStore
import Testing

@Suite("contact import through recognition")
struct ContactImportTests {
    static let adaCard = """
        BEGIN:VCARD
        VERSION:3.0
        FN:Ada Lovelace
        N:Lovelace;Ada;;;
        EMAIL;TYPE=work:ada@example.org
        TEL;TYPE=cell:+44 20 7946 0000
        ORG:Analytical Engines;Research
        TITLE:Chief
        NOTE:Met at the Difference Engine demo
        CATEGORIES:Investor,Swift Community
        END:VCARD

        """

    @Test("someone known by email is merged: new phone, company, title, note, categories as tags; no twin")
    func strongMatchMerges() throws {
        // Given Ada, known by her email only
        let store = try TestDatabase()
        defer { store.cleanUp() }
        try store.database.writer.write { db in
            _ = try AppDatabase.createPerson(from: ContactCard(fullName: "Ada Lovelace", emails: [.init("ADA@example.org")]), in: db)
        }
        // When a vCard with the same email is imported
        let summary = try store.importText(Self.adaCard, format: .vCard)
        // Then she is merged, not duplicated
        #expect(summary.added == 0)
        #expect(summary.merged == 1)
        #expect(summary.review.isEmpty)
        let people = try store.people()
        #expect(people.count == 1)
        let ada = try #require(people.first)
        #expect(ada.emails == ["ADA@example.org"])
        #expect(ada.phones == ["+44 20 7946 0000"])
        #expect(ada.company == "Analytical Engines")
        #expect(ada.title == "Chief")
        #expect(ada.tags == ["investor", "swift-community"])
        #expect(ada.notes == ["Met at the Difference Engine demo"])
        #expect(try store.rowCounts()["meeting"] == 0) // an import is not a meeting
    }

    @Test("a weak match (same name, nothing else) is added as a new person and listed for review")
    func weakMatchIsReviewed() throws {
        // Given Grace Hopper, known with a company and no email
        let store = try TestDatabase()
        defer { store.cleanUp() }
        let known = try store.database.writer.write { db in
            try AppDatabase.createPerson(from: ContactCard(fullName: "Grace Hopper", organization: "US Navy"), in: db)
        }
        // When a Grace Hopper with only an email is imported
        let summary = try store.importText("""
            BEGIN:VCARD
            VERSION:4.0
            FN:Grace Hopper
            EMAIL:grace@cobol.example
            END:VCARD
            """, format: .vCard)
        // Then a second person exists, offered for review against the first
        #expect(summary.added == 1)
        #expect(summary.merged == 0)
        let review = try #require(summary.review.first)
        #expect(review.name == "Grace Hopper")
        #expect(review.personId != known.id)
        #expect(review.candidates.map(\.personId) == [known.id!])
        #expect(review.candidates.first?.reasons.contains("same name") == true)
        #expect(try store.people().count == 2)
    }

    @Test("importing the same files again changes nothing, weak matches included")
    func reimportChangesNothing() throws {
        // Given a database into which LinkedIn connections and vCards were imported
        let store = try TestDatabase()
        defer { store.cleanUp() }
        try store.importFixture("csv/linkedin-connections.csv", format: .linkedIn)
        try store.importFixture("gmail-list.vcf", format: .vCard)
        try store.importFixture("rfc2426-example.vcf", format: .vCard)
        try store.importText(Self.adaCard + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n", format: .vCard)
        try store.importText("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nORG:Navy\r\nEND:VCARD\r\n", format: .vCard)
        let before = try store.dump()
        // When the same files are imported again
        let linkedin = try store.importFixture("csv/linkedin-connections.csv", format: .linkedIn)
        let gmail = try store.importFixture("gmail-list.vcf", format: .vCard)
        let rfc = try store.importFixture("rfc2426-example.vcf", format: .vCard)
        let ada = try store.importText(Self.adaCard + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n", format: .vCard)
        let grace = try store.importText("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nORG:Navy\r\nEND:VCARD\r\n", format: .vCard)
        // Then nothing is added or merged, and every row is as it was
        for summary in [linkedin, gmail, rfc, ada, grace] {
            #expect(summary.added == 0)
            #expect(summary.merged == 0)
            #expect(summary.review.isEmpty)
        }
        #expect(linkedin.unchanged == 4)
        #expect(gmail.unchanged == 3)
        let after = try store.dump()
        for table in before.keys.sorted() {
            #expect(before[table] == after[table], "\(table) changed")
        }
    }

    @Test("the search indexes hold what the book says after imports that add, merge and skip (they run without the triggers)")
    func searchRowsAfterImports() throws {
        // Given a book with Ada (by email, met at an event) and Grace
        let store = try TestDatabase()
        defer { store.cleanUp() }
        try store.database.writer.write { db in
            let ada = try AppDatabase.createPerson(from: ContactCard(fullName: "Ada Lovelace", emails: [.init("ADA@example.org")]), in: db)
            _ = try AppDatabase.createPerson(from: ContactCard(fullName: "Grace Hopper", organization: "US Navy"), in: db)
            var event = Event(slug: "swiftconf-2025", name: "SwiftConf 2025", series: "swiftconf",
                              startDate: CalendarDay("2025-09-14")!, endDate: CalendarDay("2025-09-15")!, city: "Lisbon")
            try event.insert(db)
            var meeting = Meeting(personId: ada.id!, eventId: event.id!, at: Date(timeIntervalSince1970: 1_757_840_000))
            try meeting.insert(db)
        }
        // When files are imported into it, some twice
        try store.importText(Self.adaCard, format: .vCard)
        try store.importText(Self.tangledConnections, format: .linkedIn, name: "Connections.csv")
        try store.importFixture("gmail-list.vcf", format: .vCard)
        try store.importFixture("csv/linkedin-connections.csv", format: .linkedIn)
        try store.importFixture("gmail-list.vcf", format: .vCard)
        // Then each index row is what its view builds from the book, for everyone
        try store.database.writer.write { db in
            func rows(_ sql: String) throws -> [[String]] {
                try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { String.fromDatabaseValue($0) ?? $0.description } }
            }
            let everyone = try rows("SELECT id, name, aliases, company, title, tags, facts, places, notes FROM personSearchRow ORDER BY id")
            #expect(everyone.count == (try Person.fetchCount(db)) && everyone.count > 10)
            #expect(try rows("SELECT rowid, name, aliases, company, title, tags, facts, places, notes FROM personSearch ORDER BY rowid") == everyone)
            #expect(try rows("SELECT rowid, name, aliases, company, title, tags FROM personCardSearch ORDER BY rowid")
                == rows("SELECT id, name, aliases, company, title, tags FROM personCardSearchRow ORDER BY id"))
            let ada = try #require(everyone.first)
            #expect(ada[3] == "Analytical Engines" && ada[5] == "investor swift-community" && ada[7] == "SwiftConf 2025, Lisbon")
            try db.execute(sql: "INSERT INTO personSearch(personSearch) VALUES ('integrity-check')")
            try db.execute(sql: "INSERT INTO personCardSearch(personCardSearch) VALUES ('integrity-check')")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM personSearch_pending") == 0)
        }
    }

    /// A LinkedIn export whose rows meet each other and the book: nicknames, accents, typos,
    /// Jr./Sr., word order, the same name at another company, repeated emails and profiles.
    static let tangledConnections: String = {
        let rows = [
            "Elizabeth,Moreau,https://www.linkedin.com/in/liz-moreau,liz@acme.com,Acme,CTO,01 Jan 2024",
            "Liz,Moreau,,,ACME Inc.,CTO,02 Jan 2024",
            "Elizabeth,Moreau,,,Globex,Engineer,03 Jan 2024",
            "Elizabeht,Moreau,,,Acme,CTO,04 Jan 2024",
            "José,Müller,,jose@mueller.de,Müller GmbH,,05 Jan 2024",
            "Jose,Mueller,,,Mueller,,06 Jan 2024",
            "Robert,Smith Jr.,,,Initech,,07 Jan 2024",
            "Robert,Smith Sr.,,,Initech,,08 Jan 2024",
            "Bob,Smith,,bob@initech.io,Initech,,09 Jan 2024",
            "Moreau,Elizabeth,,,Acme,,10 Jan 2024",
            "Grace,Hopper,https://linkedin.com/in/ghopper/,,US Navy,,11 Jan 2024",
            "Grace,Hopper,https://www.linkedin.com/in/grace-h,,US Navy,,12 Jan 2024",
            "Ada,Lovelace,,ada@example.org,,,13 Jan 2024",
            "Ada,Lovelace,,ADA+work@example.org,Analytical Engines,,14 Jan 2024",
            "Jon,Smith,,,Initech,,15 Jan 2024",
            "Jonathan,Smith,,,Initech,,16 Jan 2024",
            ",,https://www.linkedin.com/in/anonymous,,,,17 Jan 2024",
        ]
        return "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" + rows.joined(separator: "\r\n") + "\r\n"
    }()

    @Test("rows of one file that are one person, with different companies, do not rewrite each other on a re-import")
    func reimportOfTangledRows() throws {
        // Given a small book, and a LinkedIn file imported once
        let store = try TestDatabase()
        defer { store.cleanUp() }
        try store.database.writer.write { db in
            for card in [ContactCard(fullName: "Elizabeth Moreau", organization: "Acme"),
                         ContactCard(fullName: "Robert Smith", emails: [.init("rsmith@initech.io")], organization: "Initech"),
                         ContactCard(fullName: "Grace Hopper", organization: "Navy")] {
                _ = try AppDatabase.createPerson(from: card, in: db)
            }
        }
        let file = Self.tangledConnections
        let first = try store.importText(file, format: .linkedIn, name: "Connections.csv")
        #expect(first.added > 0 && first.merged > 0 && !first.review.isEmpty)
        // The first of José's two rows says where he works
        #expect(try store.people().first { $0.emails.contains("jose@mueller.de") }?.company == "Müller GmbH")
        let before = try store.dump()

        // When the same file is imported again, twice
        for _ in 0..<2 {
            let again = try store.importText(file, format: .linkedIn, name: "Connections.csv")
            // Then nothing is added or merged, and no row moves
            #expect(again.added == 0)
            #expect(again.merged == 0)
            #expect(again.review.isEmpty)
            #expect(again.unchanged == first.added + first.merged + first.unchanged)
            let after = try store.dump()
            for table in before.keys.sorted() {
                #expect(before[table] == after[table], "\(table) changed")
            }
        }

        // When vCards bring more about some of them (a phone, a tag, a note), and the LinkedIn
        // file is imported once more
        let cards = """
            BEGIN:VCARD\r\nVERSION:3.0\r\nN:Moreau;Liz;;;\r\nFN:Liz Moreau\r\nEMAIL:liz@acme.com\r\nTEL:+1 415 555 0134\r\nCATEGORIES:investor\r\nEND:VCARD\r
            BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nTEL:+1 415 555 0134\r\nEND:VCARD\r
            BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hopper, Grace\r\nORG:US Navy\r\nNOTE:Wrote the first compiler\r\nEND:VCARD\r
            BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chloé Bernard\r\nEMAIL:chloe@example.fr\r\nEND:VCARD\r
            BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chloe Bernard\r\nORG:Acme\r\nEND:VCARD\r

            """
        try store.importText(cards, format: .vCard)
        let withCards = try store.dump()
        let last = try store.importText(file, format: .linkedIn, name: "Connections.csv")
        // Then every row is someone already there: no one is added, nothing moves
        #expect(last.added == 0)
        #expect(last.merged == 0)
        #expect(last.review.isEmpty)
        let after = try store.dump()
        for table in withCards.keys.sorted() {
            #expect(withCards[table] == after[table], "\(table) changed")
        }
    }

    @Test("a record imported before stays with its person through a merge and an unmerge")
    func importedRecordFollowsMerge() throws {
        // Given two cards imported as two people, who are then merged
        let store = try TestDatabase()
        defer { store.cleanUp() }
        let cards = """
            BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chloé Bernard\r\nEMAIL:chloe@example.fr\r\nEND:VCARD\r
            BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Chloe Bernard\r\nORG:Acme\r\nEND:VCARD\r

            """
        #expect(try store.importText(cards, format: .vCard).added == 2)
        let ids = try store.database.reader.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM person ORDER BY id") }
        _ = try store.database.merge(keep: ids[0], other: ids[1])
        // When the file is imported again, then both records are the kept person: no twin
        let again = try store.importText(cards, format: .vCard)
        #expect(again.added == 0 && again.merged == 0 && again.unchanged == 2)
        #expect(try store.people().map(\.name) == ["Chloé Bernard"])
        // After an unmerge, each record is its own person again
        try store.database.unmerge(mergedPersonId: ids[1])
        #expect(try store.importText(cards, format: .vCard).unchanged == 2)
        #expect(try store.people().count == 2)
        // Each owns one record (the rows are written in fingerprint order, not the file's)
        let owners = try store.database.reader.read { db in try Int64.fetchAll(db, sql: "SELECT personId FROM importedContact ORDER BY personId") }
        #expect(owners == ids)
        // Forgetting a person forgets which records they were
        _ = try store.database.forget(personId: ids[1])
        #expect(try store.database.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM importedContact") } == 1)
    }

    @Test("a new person's emails and phones are stored with the normaliser's keys, invalid and repeated ones left out")
    func newPersonDetailKeys() throws {
        let store = try TestDatabase()
        defer { store.cleanUp() }
        // Given one card whose emails and phones are all valid and distinct, and one with an
        // invalid and a repeated email and an invalid phone
        let text = """
            BEGIN:VCARD
            VERSION:3.0
            FN:Liz Chen
            EMAIL:Liz+conf@Example.com
            EMAIL: liz.chen@work.example.org
            TEL:+1 (555) 010-0000
            TEL:+44 20 7946 0001
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Ola Nordmann
            EMAIL:not-an-email
            EMAIL:Ola+x@Example.no
            EMAIL:ola@example.no
            EMAIL:OLA.N@Example.no
            TEL:12
            TEL:+47 22 00 00 00
            END:VCARD

            """
        // When imported
        #expect(try store.importText(text, format: .vCard).added == 2)
        // Then each stored email and phone has the key the normaliser gives it, in the card's order
        let rows = try store.database.reader.read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.name, 'email', e.email, e.normalized FROM personEmail e JOIN person p ON p.id = e.personId
                UNION ALL SELECT p.name, 'phone', t.phone, t.normalized FROM personPhone t JOIN person p ON p.id = t.personId
                ORDER BY 1, 2, 3
                """).map { [$0[0], $0[1], $0[2], $0[3]] as [String] }
        }
        #expect(rows == [
            ["Liz Chen", "email", "Liz+conf@Example.com", "liz@example.com"],
            ["Liz Chen", "email", "liz.chen@work.example.org", "liz.chen@work.example.org"],
            ["Liz Chen", "phone", "+1 (555) 010-0000", ContactNormalizer.phone("+1 (555) 010-0000")!],
            ["Liz Chen", "phone", "+44 20 7946 0001", ContactNormalizer.phone("+44 20 7946 0001")!],
            ["Ola Nordmann", "email", "OLA.N@Example.no", "ola.n@example.no"],
            ["Ola Nordmann", "email", "Ola+x@Example.no", "ola@example.no"],
            ["Ola Nordmann", "phone", "+47 22 00 00 00", ContactNormalizer.phone("+47 22 00 00 00")!],
        ])
    }

    @Test("a record with nothing to know it by stops the import with its place, and nothing is stored")
    func invalidRecordStopsImport() throws {
        let store = try TestDatabase()
        defer { store.cleanUp() }
        let text = Self.adaCard + "BEGIN:VCARD\nVERSION:3.0\nNOTE:just a note\nEND:VCARD\n"
        // When imported without --skip-invalid
        let error = #expect(throws: InterchangeError.self) { try store.importText(text, format: .vCard, name: "two.vcf") }
        // Then the error names the second card and its line, and nothing was written
        #expect(error?.description.hasPrefix("two.vcf:12 (record 2): no name, email, phone or LinkedIn profile") == true)
        #expect(try store.rowCounts()["person"] == 0)
        // When imported with --skip-invalid
        let summary = try store.importText(text, format: .vCard, name: "two.vcf", skipInvalid: true)
        // Then the rest is stored and the bad record listed
        #expect(summary.added == 1)
        #expect(summary.skipped == 1)
        #expect(summary.invalid.map(\.place) == ["two.vcf:12 (record 2)"])
        #expect(try store.people().map(\.name) == ["Ada Lovelace"])
    }

    @Test("LinkedIn rows the reader refuses stop the import, or are skipped with --skip-invalid")
    func linkedInBadRows() throws {
        let store = try TestDatabase()
        defer { store.cleanUp() }
        let error = #expect(throws: InterchangeError.self) { try store.importFixture("csv/linkedin-bad-rows.csv", format: .linkedIn) }
        #expect(error?.description.contains("linkedin-bad-rows.csv:") == true)
        #expect(try store.rowCounts()["person"] == 0)

        let summary = try store.importFixture("csv/linkedin-bad-rows.csv", format: .linkedIn, skipInvalid: true)
        #expect(summary.skipped == summary.invalid.count)
        #expect(summary.skipped >= 1)
        #expect(summary.added + summary.skipped == 4)
        #expect(try store.people().contains { $0.name == "Carl Testperson" && $0.emails == ["carl@example.net"] && $0.company == "Test AG" })
    }

    @Test("a file that is not of the format is refused with its name and line")
    func wrongFormat() throws {
        let store = try TestDatabase()
        defer { store.cleanUp() }
        let error = #expect(throws: InterchangeError.self) {
            try store.importText("BEGIN:VCARD\nFN:Nobody\n", format: .vCard, name: "cut.vcf")
        }
        #expect(error?.description.hasPrefix("cut.vcf:1: BEGIN: BEGIN:VCARD without END:VCARD") == true)
    }

    @Test("Google Contacts: multi-values, multi-line notes and groups arrive on one person")
    func google() throws {
        let store = try TestDatabase()
        defer { store.cleanUp() }
        let summary = try store.importFixture("csv/google-current.csv", format: .google, skipInvalid: true)
        #expect(summary.added >= 1)
        let jurgen = try #require(try store.people().first { $0.name.hasPrefix("Jürgen") })
        #expect(jurgen.company == "Beispiel GmbH")
        #expect(jurgen.emails == ["juergen@beispiel.example", "j.beispiel@example.net"])
        #expect(jurgen.phones == ["+49 30 1234567", "+49 30 7654321"])
        #expect(jurgen.linkedinKey == "linkedin.com/in/juergen-beispiel")
        #expect(jurgen.notes == ["Loves Swift on the server.\nTwo kids; ask about the marathon."])
    }
}
