import Foundation
import LanyardFormats
import Testing

@Suite("vCard 4.0 writer")
struct VCardWriterTests {
    static var ada: ContactCard {
        var card = ContactCard(fullName: "Ada Lovelace", givenName: "Ada", familyName: "Lovelace",
                               emails: [.init("ada@example.org", label: "work"), .init("ada@home.example.net", label: "home")],
                               phones: [.init("+44 20 7946 0000", label: "mobile"), .init("+44 20 7946 0001", label: "Conference desk")],
                               organization: "Analytical Engines, Ltd", title: "Chief Mathematician; Poet")
        card.linkedinURL = "https://www.linkedin.com/in/ada-lovelace"
        card.note = "Met at SwiftConf.\nWants the slides \\ the code. " + String(repeating: "Ünïcödé ", count: 12)
        card.categories = ["swift", "investor, angel"]
        return card
    }

    @Test("escapes, folds at 75 octets on UTF-8 boundaries, ends lines with CRLF")
    func shape() throws {
        // When a card is written
        let text = VCardWriter.write(Self.ada, uid: "urn:lanyard:person:1")
        // Then it is a vCard 4.0 with CRLF lines of at most 75 octets
        #expect(text.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\n"))
        #expect(text.hasSuffix("END:VCARD\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("FN:Ada Lovelace\r\n"))
        #expect(unfolded.contains("N:Lovelace;Ada;;;\r\n"))
        #expect(unfolded.contains("EMAIL;TYPE=work:ada@example.org\r\n"))
        #expect(unfolded.contains("TEL;TYPE=cell:+44 20 7946 0000\r\n"))
        #expect(unfolded.contains("TEL;TYPE=x-conference-desk:+44 20 7946 0001\r\n"))
        #expect(unfolded.contains(#"ORG:Analytical Engines\, Ltd"#))
        #expect(unfolded.contains(#"TITLE:Chief Mathematician\; Poet"#))
        #expect(unfolded.contains("URL;TYPE=linkedin:https://www.linkedin.com/in/ada-lovelace\r\n"))
        #expect(unfolded.contains(#"NOTE:Met at SwiftConf.\nWants the slides \\ the code."#))
        #expect(unfolded.contains(#"CATEGORIES:swift,investor\, angel"#))
    }

    @Test("khard reads our export back: names, emails, phones, company, title, notes, tags")
    func khardRoundTrip() throws {
        guard let khard = Self.khardPath() else {
            print("skipped: khard is not installed (run Scripts/bootstrap to get .venv/bin/khard)")
            return
        }
        // Given our vCard in a temporary vdir and a khard configuration pointing at it
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-khard-\(UUID().uuidString)")
        let book = root.appendingPathComponent("book")
        try FileManager.default.createDirectory(at: book, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(VCardWriter.write(Self.ada, uid: "urn:lanyard:person:1").utf8).write(to: book.appendingPathComponent("ada.vcf"))
        let config = root.appendingPathComponent("khard.conf")
        try "[addressbooks]\n[[lanyard]]\npath = \(book.path)\n\n[general]\ndefault_action = list\neditor = /bin/true\nmerge_editor = /bin/true\n"
            .write(to: config, atomically: true, encoding: .utf8)
        // When khard shows the contact
        let yaml = try Self.run(khard, ["-c", config.path, "show", "--format", "yaml", "urn:lanyard:person:1"], home: root.path)
        // Then it reads every field we wrote
        let fields = yaml.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(fields.contains("First name: Ada"))
        #expect(fields.contains("Last name: Lovelace"))
        #expect(fields.contains("work: ada@example.org"))
        #expect(fields.contains("home: ada@home.example.net"))
        #expect(fields.contains("cell: +44 20 7946 0000"))
        #expect(fields.contains("Analytical Engines, Ltd"))
        #expect(fields.contains("Title: Chief Mathematician; Poet"))
        #expect(fields.contains("https://www.linkedin.com/in/ada-lovelace"))
        #expect(fields.contains("- swift"))
        #expect(fields.contains("- investor, angel"))
        #expect(fields.contains(#"Met at SwiftConf.\nWants the slides \\ the code."#))
        let emails = try Self.run(khard, ["-c", config.path, "email", "--parsable"], home: root.path)
        #expect(emails.contains("ada@example.org\tAda Lovelace\twork"))
    }

    /// `.venv/bin/khard` of the repository (made by Scripts/bootstrap), else `khard` on PATH.
    static func khardPath() -> String? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var candidates = [root.appendingPathComponent(".venv/bin/khard").path]
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") { candidates.append("\(dir)/khard") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String], home: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 { Issue.record("khard exited \(process.terminationStatus): \(text)") }
        return text
    }
}
