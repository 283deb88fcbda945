import Foundation
import LanyardFormats
import LanyardInterchange
import LanyardStore

/// `lanyard-bench interchange`: times contact imports end to end, as `lanyard import` runs
/// them (read, parse, recognise, write, commit; one transaction), into an empty database and
/// into one that already holds 10,000 people. Goal (issue 8): 30,000 LinkedIn rows <= 1 s,
/// 10,000 vCards <= 1 s. Prints `import.*.wall_s` and `import.*.cpu_s` (process CPU).
enum InterchangeBench {
    /// `rows` or `cards` 0 leaves that format out (to profile the other alone).
    static func run(rows: Int, cards: Int) throws {
        if rows > 0 { try runLinkedIn(rows: rows) }
        if cards > 0 { try runVCards(cards: cards) }
    }

    static func runLinkedIn(rows: Int) throws {
        let csv = linkedInCSV(rows: rows)
        Figures.emit("import: LinkedIn CSV of \(rows) rows (\(csv.utf8.count) bytes)")
        try measure("import.linkedin_parse", runs: 3) {
            let result = try LinkedInConnections.read(csv)
            precondition(result.rejected.isEmpty && result.contacts.count == rows)
        }
        let csvData = Data(csv.utf8)
        try measure("import.linkedin_csv") {
            let (database, folder) = try emptyDatabase()
            defer { try? FileManager.default.removeItem(at: folder) }
            let summary = try database.importContacts(try ContactBatch.read(csvData, format: .linkedIn, source: "Connections.csv"), format: .linkedIn)
            precondition(summary.added == rows)
        }
        try measureIntoBook("import.linkedin_csv_into_10k_book", book: Data(linkedInCSV(people: 0..<10_000).utf8),
                            data: Data(linkedInCSV(people: 10_000..<(10_000 + rows)).utf8), format: .linkedIn)
    }

    static func runVCards(cards: Int) throws {
        Figures.emit("import: \(cards) vCards")
        let vcf = Data(vCards(count: cards).utf8)
        try measure("import.vcard_parse", runs: 3) {
            let parsed = try VCardReader.records(String(decoding: vcf, as: UTF8.self))
            precondition(parsed.count == cards)
        }
        try measure("import.vcard") {
            let (database, folder) = try emptyDatabase()
            defer { try? FileManager.default.removeItem(at: folder) }
            let summary = try database.importContacts(try ContactBatch.read(vcf, format: .vCard, source: "bench.vcf"), format: .vCard)
            precondition(summary.added == cards)
        }
        // The same file again: every card recognised, nothing changes (timed alone).
        let (database, folder) = try emptyDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let batch = try ContactBatch.read(vcf, format: .vCard, source: "bench.vcf")
        _ = try database.importContacts(batch, format: .vCard)
        try measure("import.vcard_again_unchanged") {
            let again = try database.importContacts(batch, format: .vCard)
            precondition(again.unchanged == cards)
        }
        try measureIntoBook("import.vcard_into_10k_book", book: Data(vCards(people: 0..<10_000).utf8),
                            data: Data(vCards(people: 10_000..<(10_000 + cards)).utf8), format: .vCard)
    }

    /// The median wall and process-CPU seconds of `runs` runs (process CPU: GRDB may write on
    /// another thread).
    static func measure(_ name: String, runs: Int = 1, _ body: () throws -> Void) rethrows {
        var wall: [Double] = []
        var cpu: [Double] = []
        for _ in 0..<runs {
            let cpuStart = processCPUSeconds()
            let start = ContinuousClock.now
            try body()
            wall.append(Figures.seconds(ContinuousClock.now - start))
            cpu.append(processCPUSeconds() - cpuStart)
        }
        Figures.line("\(name).wall_s", Figures.percentile(wall, 0.5))
        Figures.line("\(name).cpu_s", Figures.percentile(cpu, 0.5))
    }

    /// Times importing `data` into a book that already holds `book` (imported outside the timing).
    static func measureIntoBook(_ name: String, book: Data, data: Data, format: ContactFormat) throws {
        let (database, folder) = try emptyDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try database.importContacts(try ContactBatch.read(book, format: format, source: "book"), format: format)
        try measure(name) {
            _ = try database.importContacts(try ContactBatch.read(data, format: format, source: "more"), format: format)
        }
    }

    /// CPU time (user + system) of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// A fresh, empty database file in a temporary folder.
    static func emptyDatabase() throws -> (AppDatabase, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try AppDatabase.open(at: folder.appendingPathComponent("bench.sqlite").path), folder)
    }

    /// Letters-only names (normalisation drops digits, so "Given12" would make everyone "Given"):
    /// 48 common given names and 6,859 invented family names, as varied as a real address book.
    static let givenNames = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
                      "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
                      "Ada", "Grace", "Alan", "Barbara", "Edsger", "Donald", "Frances", "Margaret", "Ken", "Dennis",
                      "Lea", "Noah", "Mia", "Lukas", "Emma", "Finn", "Sofia", "Jonas", "Hanna", "Elias",
                      "Yuki", "Hiro", "Aiko", "Ravi", "Priya", "Arjun", "Chen", "Wei"]
    static let syllables = ["ka", "lo", "mer", "tan", "vi", "sor", "du", "bel", "rin", "pa", "shi", "gor", "ne", "wal", "tro", "fen", "ha", "zu", "mo"]
    static func givenName(_ i: Int) -> String { givenNames[i % givenNames.count] }
    static func familyName(_ i: Int) -> String {
        let n = (i / givenNames.count) &* 7919 % (syllables.count * syllables.count * syllables.count)
        let word = syllables[n % syllables.count] + syllables[n / syllables.count % syllables.count] + syllables[n / (syllables.count * syllables.count)]
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// A LinkedIn Connections.csv of `rows` rows, with the preamble, a BOM, quoted commas and empty emails.
    static func linkedInCSV(rows: Int) -> String { linkedInCSV(people: 0..<rows) }

    /// The same for the people numbered `people` (another range: other people).
    static func linkedInCSV(people: Range<Int>) -> String {
        var text = "\u{FEFF}Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\n"
        text += "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for i in people {
            let email = i % 3 == 0 ? "" : "person\(i)@example.org"
            text += "\(givenName(i)),\(familyName(i)),https://www.linkedin.com/in/person-\(i),\(email),\"Company \(i % 500), Inc.\",Engineer \(i % 7),\(String(format: "%02d", i % 28 + 1)) \(months[i % 12]) \(2015 + i % 10)\r\n"
        }
        return text
    }

    /// `count` vCard 3.0 cards with a structured name, two emails, a phone, ORG with a unit, TITLE,
    /// CATEGORIES and a folded NOTE.
    static func vCards(count: Int) -> String { vCards(people: 0..<count) }

    /// The same for the people numbered `people`.
    static func vCards(people: Range<Int>) -> String {
        var text = ""
        for i in people {
            text += "BEGIN:VCARD\r\nVERSION:3.0\r\nN:\(familyName(i));\(givenName(i));;;\r\nFN:\(givenName(i)) \(familyName(i))\r\n"
            text += "EMAIL;TYPE=work:card\(i)@example.org\r\nEMAIL;TYPE=home:card\(i)@mail.example\r\nTEL;TYPE=cell:+1 555 \(String(format: "%07d", i))\r\n"
            text += "ORG:Company \(i % 500);Engineering\r\nTITLE:Engineer \(i % 7)\r\nCATEGORIES:bench,group-\(i % 20)\r\n"
            text += "NOTE:Met at booth \(i % 80)\\, talked about\r\n  server-side Swift.\r\nEND:VCARD\r\n"
        }
        return text
    }
}
