import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardInterchange
import LanyardStore
import Testing

@Suite("vCard export round-trips through import")
struct ContactRoundTripTests {
    @Test("export everyone as vCard, import into an empty database: the same people")
    func roundTrip() throws {
        // Given people from every kind of source, with tags and notes
        let source = try TestDatabase()
        defer { source.cleanUp() }
        for file in ["gmail-list.vcf", "rfc2426-example.vcf", "rfc6350-example.vcf", "John_Doe_IPHONE.vcf", "outlook-2007.vcf"] {
            try source.importFixture(file, format: .vCard)
        }
        try source.importFixture("csv/linkedin-connections.csv", format: .linkedIn)
        try source.importFixture("csv/google-current.csv", format: .google, skipInvalid: true)
        try source.importText(ContactImportTests.adaCard, format: .vCard)
        let people = try source.people()
        #expect(people.count >= 12)

        // When exported and imported into an empty database
        let (text, count) = try source.database.exportVCards()
        #expect(count == people.count)
        let target = try TestDatabase()
        defer { target.cleanUp() }
        let summary = try target.importText(text, format: .vCard, name: "export.vcf")

        // Then every person comes back once, with the same details
        #expect(summary.added == people.count)
        #expect(summary.merged == 0)
        #expect(summary.skipped == 0)
        #expect(try target.people() == people)
    }
}
