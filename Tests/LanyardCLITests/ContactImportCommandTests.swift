import ArgumentParser
import Foundation
import LanyardCLI
import LanyardStore
import Testing

@Suite("import vcard, linkedin and google commands")
final class ContactImportCommandTests: Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-cli-contacts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Each test's files go with it.
    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @discardableResult
    func lanyard(_ arguments: [String]) async throws -> CapturedOutput {
        try await CapturedOutput.run(arguments)
    }

    static let cards = """
        BEGIN:VCARD\r
        VERSION:3.0\r
        FN:Ada Lovelace\r
        EMAIL:ada@example.org\r
        ORG:Analytical Engines\r
        END:VCARD\r
        BEGIN:VCARD\r
        VERSION:3.0\r
        NOTE:nobody\r
        END:VCARD\r

        """

    @Test("the three importers parse, with --skip-invalid and --json")
    func parsing() throws {
        for (name, arguments) in [("vcard", ["a.vcf", "b.vcf"]), ("linkedin", ["Connections.csv"]), ("google", ["contacts.csv"])] {
            let command = try Lanyard.parseAsRoot(["import", name] + arguments + ["--skip-invalid", "--json", "--db", "x.sqlite"])
            #expect(command is any AsyncParsableCommand)
        }
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["import", "vcard"]) }
    }

    @Test("import vcard: a bad record stops it with its place; --skip-invalid stores the rest; --json is one document")
    func importVCard() async throws {
        try Self.cards.write(toFile: path("two.vcf"), atomically: true, encoding: .utf8)
        // When imported plainly, the second card (line 7) stops it
        await #expect { try await lanyard(["import", "vcard", path("two.vcf"), "--db", path("a.sqlite")]) } throws: { error in
            "\(error)".contains("two.vcf:7 (record 2)") && "\(error)".contains("--skip-invalid")
        }
        // When imported with --skip-invalid, the summary says what happened
        let text = try await lanyard(["import", "vcard", path("two.vcf"), "--skip-invalid", "--db", path("a.sqlite")])
        #expect(text.stdout.contains("1 added, 0 merged, 0 unchanged, 1 skipped."))
        #expect(text.stderr.contains("skipped \(path("two.vcf")):7 (record 2)"))
        // And again with --json: one document on stdout, nothing on stderr
        let json = try await lanyard(["import", "vcard", path("two.vcf"), "--skip-invalid", "--json", "--db", path("a.sqlite")])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(summary["added"] as? Int == 0)
        #expect(summary["unchanged"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 1)
        #expect(summary["format"] as? String == "vcard")
        #expect((summary["invalid"] as? [[String: Any]])?.first?["place"] as? String == "\(path("two.vcf")):7 (record 2)")
        #expect(json.stderr.isEmpty)
    }

    @Test("import linkedin then import vcard of the same person merges into her")
    func linkedInThenVCard() async throws {
        try """
            First Name,Last Name,URL,Email Address,Company,Position,Connected On
            Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Chief,01 Jan 2024
            """.write(toFile: path("Connections.csv"), atomically: true, encoding: .utf8)
        let first = try await lanyard(["import", "linkedin", path("Connections.csv"), "--db", path("a.sqlite")])
        #expect(first.stdout.contains("1 added"))
        try Self.cards.write(toFile: path("two.vcf"), atomically: true, encoding: .utf8)
        let second = try await lanyard(["import", "vcard", path("two.vcf"), "--skip-invalid", "--json", "--db", path("a.sqlite")])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [String: Any])
        #expect(summary["merged"] as? Int == 1)
        #expect(summary["added"] as? Int == 0)
        let list = try await lanyard(["people", "list", "--json", "--db", path("a.sqlite")])
        #expect(list.stdout.components(separatedBy: "Ada Lovelace").count == 2)
    }
}
