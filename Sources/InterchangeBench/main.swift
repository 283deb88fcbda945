// Benchmark of the interchange parsers: prints figures, asserts nothing.
// Run it with Scripts/bench-interchange (release build).
import Foundation
import LanyardFormats
import LanyardInterchange
import LanyardStore

/// Letters-only names (normalisation drops digits, so "Given12" would make everyone "Given"):
/// 48 common given names and 6,859 invented family names, as varied as a real address book.
let givenNames = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
                  "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
                  "Ada", "Grace", "Alan", "Barbara", "Edsger", "Donald", "Frances", "Margaret", "Ken", "Dennis",
                  "Lea", "Noah", "Mia", "Lukas", "Emma", "Finn", "Sofia", "Jonas", "Hanna", "Elias",
                  "Yuki", "Hiro", "Aiko", "Ravi", "Priya", "Arjun", "Chen", "Wei"]
let syllables = ["ka", "lo", "mer", "tan", "vi", "sor", "du", "bel", "rin", "pa", "shi", "gor", "ne", "wal", "tro", "fen", "ha", "zu", "mo"]
func givenName(_ i: Int) -> String { givenNames[i % givenNames.count] }
func familyName(_ i: Int) -> String {
    let n = (i / givenNames.count) &* 7919 % (syllables.count * syllables.count * syllables.count)
    let word = syllables[n % syllables.count] + syllables[n / syllables.count % syllables.count] + syllables[n / (syllables.count * syllables.count)]
    return word.prefix(1).uppercased() + word.dropFirst()
}

/// A LinkedIn Connections.csv of `rows` rows, with the preamble, a BOM, quoted commas and empty emails.
func linkedInCSV(rows: Int) -> String { linkedInCSV(people: 0..<rows) }

/// The same for the people numbered `people` (another range: other people).
func linkedInCSV(people: Range<Int>) -> String {
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
func vCards(count: Int) -> String { vCards(people: 0..<count) }

/// The same for the people numbered `people`.
func vCards(people: Range<Int>) -> String {
    var text = ""
    for i in people {
        text += "BEGIN:VCARD\r\nVERSION:3.0\r\nN:\(familyName(i));\(givenName(i));;;\r\nFN:\(givenName(i)) \(familyName(i))\r\n"
        text += "EMAIL;TYPE=work:card\(i)@example.org\r\nEMAIL;TYPE=home:card\(i)@mail.example\r\nTEL;TYPE=cell:+1 555 \(String(format: "%07d", i))\r\n"
        text += "ORG:Company \(i % 500);Engineering\r\nTITLE:Engineer \(i % 7)\r\nCATEGORIES:bench,group-\(i % 20)\r\n"
        text += "NOTE:Met at booth \(i % 80)\\, talked about\r\n  server-side Swift.\r\nEND:VCARD\r\n"
    }
    return text
}

/// A fresh, empty database file in a temporary folder.
func emptyDatabase() throws -> (AppDatabase, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return (try AppDatabase.open(at: folder.appendingPathComponent("bench.sqlite").path), folder)
}

/// CPU time (user + system) of this process so far: what a run costs whatever else the machine does.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func measure(_ label: String, runs: Int = 3, _ body: () throws -> Int) rethrows {
    var times: [Double] = []
    var cpu: [Double] = []
    var count = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        count = try body()
        cpu.append(cpuSeconds() - cpuStart)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    cpu.sort()
    print(String(format: "%@: %d records, wall median %.3f s (best %.3f s), CPU median %.3f s (best %.3f s), %d runs", label, count, times[times.count / 2], times[0], cpu[cpu.count / 2], cpu[0], runs))
}

/// Times importing `data` into a book that already holds `book` (imported outside the timing),
/// and prints what the import did.
func measureIntoBook(_ label: String, book: Data, data: Data, format: ContactFormat) throws {
    let (database, folder) = try emptyDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let known = try database.importContacts(try ContactBatch.read(book, format: format, source: "book"), format: format)
    var summary: ContactImportSummary?
    try measure(label + " (\(known.added)-person book)", runs: 1) {
        let batch = try ContactBatch.read(data, format: format, source: "more")
        summary = try database.importContacts(batch, format: format)
        return batch.records.count
    }
    if let summary {
        print("  added \(summary.added), merged \(summary.merged), unchanged \(summary.unchanged), for review \(summary.review.count)")
    }
}

let rows = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 30_000
let csv = linkedInCSV(rows: rows)
print("LinkedIn CSV: \(rows) rows, \(csv.utf8.count) bytes")
try measure("LinkedIn CSV parse+map") {
    let result = try LinkedInConnections.read(csv)
    precondition(result.rejected.isEmpty && result.contacts.count == rows)
    return result.contacts.count
}

// End to end, as `lanyard import linkedin` runs it: parse + recognition + store, one
// transaction, into an empty database (made outside the timing).
let csvData = Data(csv.utf8)
try measure("import linkedin (parse + recognition + store, empty database)", runs: 1) {
    let (database, folder) = try emptyDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let batch = try ContactBatch.read(csvData, format: .linkedIn, source: "Connections.csv")
    let summary = try database.importContacts(batch, format: .linkedIn)
    precondition(summary.added == rows)
    return summary.added
}

try measureIntoBook("import linkedin into an existing book", book: Data(linkedInCSV(people: 0..<10_000).utf8),
                    data: Data(linkedInCSV(people: 10_000..<(10_000 + rows)).utf8), format: .linkedIn)

let cardCount = Int(CommandLine.arguments.dropFirst(2).first ?? "") ?? 10_000
let vcf = Data(vCards(count: cardCount).utf8)
print("vCards: \(cardCount) cards, \(vcf.count) bytes")
try measure("vCard parse") {
    try VCardReader.records(String(decoding: vcf, as: UTF8.self)).count
}
try measure("import vcard (parse + recognition + store, empty database)", runs: 1) {
    let (database, folder) = try emptyDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let batch = try ContactBatch.read(vcf, format: .vCard, source: "bench.vcf")
    let summary = try database.importContacts(batch, format: .vCard)
    precondition(summary.added == cardCount)
    return summary.added
}
try measure("import vcard again (every card recognised, nothing changes)", runs: 1) {
    let (database, folder) = try emptyDatabase()
    defer { try? FileManager.default.removeItem(at: folder) }
    let batch = try ContactBatch.read(vcf, format: .vCard, source: "bench.vcf")
    _ = try database.importContacts(batch, format: .vCard)
    let start = DispatchTime.now().uptimeNanoseconds
    let again = try database.importContacts(batch, format: .vCard)
    print(String(format: "  second import alone: %.3f s", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    precondition(again.unchanged == cardCount)
    return again.unchanged
}
try measureIntoBook("import vcard into an existing book", book: Data(vCards(people: 0..<10_000).utf8),
                    data: Data(vCards(people: 10_000..<(10_000 + cardCount)).utf8), format: .vCard)
