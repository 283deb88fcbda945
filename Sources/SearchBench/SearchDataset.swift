import Foundation
import GRDB
import LanyardStore

/// A deterministic address book for benchmarks: the same seed gives the same people, notes,
/// facts, tags and meetings, in the database and as vCards.
struct SearchDataset {
    /// SplitMix64: small, fast, and the same on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let firstNames = ["Anna", "Bob", "Chloé", "David", "Emma", "François", "Greta", "Hiro", "Ines", "Jürgen",
        "Kofi", "Lena", "Marta", "Nils", "Olga", "Pablo", "Quinn", "Renée", "Sven", "Tomás", "Ute", "Vera",
        "Wei", "Ximena", "Yusuf", "Zoë", "Aiko", "Björn", "Carmen", "Dmitri", "Elif", "Fatima", "Gustavo",
        "Hanna", "Ivan", "Jasmin", "Karl", "Léa", "Mehmet", "Noor"]
    static let lastNames = ["Schmidt", "Müller", "García", "Nakamura", "Okafor", "Dubois", "Rossi", "Kowalski",
        "Andersson", "Novák", "Silva", "Yılmaz", "Chen", "Smith", "Jones", "O'Brien", "Fernández", "Ishikawa",
        "Larsen", "Petrov", "Mensah", "Haddad", "Kim", "Nguyen", "Weber", "Fischer", "Moreau", "Bianchi",
        "Horváth", "Lindqvist", "Costa", "Brennan", "Sato", "Adeyemi", "Jensen", "Wójcik", "Popescu", "Dahl"]
    static let companies = ["Acme Robotics", "Globex", "Initech", "Umbrella Labs", "Stark Industries", "Wayne Tech",
        "Hooli", "Pied Piper", "Vandelay Imports", "Soylent", "Cyberdyne", "Tyrell", "Aperture Science",
        "Black Mesa", "Oscorp", "Wonka Foods", "Gringotts", "Monsters Inc", "Nakatomi", "Duff Brewing"]
    static let titles = ["Staff Engineer", "CTO", "Product Designer", "iOS Developer", "Engineering Manager",
        "Developer Advocate", "Founder", "Researcher", "Backend Engineer", "Data Scientist", "Recruiter", "VP Sales"]
    static let words = ["swift", "server", "compiler", "concurrency", "hiking", "marathon", "coffee", "espresso",
        "kubernetes", "postgres", "sqlite", "design", "accessibility", "typography", "synthesizer", "vinyl",
        "climbing", "sailing", "startup", "funding", "hiring", "remote", "berlin", "lisbon", "tokyo", "podcast",
        "conference", "keynote", "workshop", "open", "source", "maintainer", "rust", "kotlin", "android",
        "metal", "shaders", "robotics", "chess", "gardening", "sourdough", "cycling", "photography", "jazz",
        "daughter", "twins", "moved", "promotion", "mentor", "talk", "book", "newsletter", "investor", "angel"]
    static let tags = ["investor", "swift-community", "speaker", "recruiter", "friend", "customer", "mentor", "press"]
    static let factKeys = ["hometown", "family", "interests", "ask-about", "dietary", "languages"]

    var people: Int
    var notes: Int
    var seed: UInt64 = 2026

    /// One generated contact.
    struct Contact {
        var name: String
        var company: String
        var title: String
        var email: String
        var notes: [String]
        var tags: [String]
        var facts: [(String, String)]
    }

    /// The contacts, in order; the same for the same parameters.
    func contacts() -> [Contact] {
        var random = Generator(state: seed)
        var result: [Contact] = []
        result.reserveCapacity(people)
        func sentence(_ count: Int) -> String {
            (0..<count).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ")
        }
        for index in 0..<people {
            let first = Self.firstNames.randomElement(using: &random)!
            let last = Self.lastNames.randomElement(using: &random)!
            // Every person's name is unique: a middle initial and a number make it so.
            let name = "\(first) \(Character(UnicodeScalar(UInt8(65 + index % 26)))). \(last) \(index)"
            let noteCount = notes / people + (index < notes % people ? 1 : 0)
            result.append(Contact(
                name: name,
                company: Self.companies.randomElement(using: &random)!,
                title: Self.titles.randomElement(using: &random)!,
                email: "\(Self.fold(first)).\(Self.fold(last)).\(index)@example.com",
                notes: (0..<noteCount).map { _ in sentence(Int.random(in: 6...18, using: &random)) },
                tags: index % 3 == 0 ? [Self.tags.randomElement(using: &random)!] : [],
                facts: index % 2 == 0 ? [(Self.factKeys.randomElement(using: &random)!, sentence(3))] : []))
        }
        return result
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .filter { $0.isLetter || $0.isNumber || $0 == " " }
    }

    /// Writes the contacts into `db`, with five events and one meeting for every other person.
    func load(into db: AppDatabase, contacts: [Contact]) throws {
        let cities = ["Lisbon", "Berlin", "Tokyo", "Leeds", "Austin"]
        try db.writer.write { db in
            var eventIds: [Int64] = []
            for (index, city) in cities.enumerated() {
                let day = CalendarDay(year: 2025, month: index + 3, day: 10)!
                var event = Event(slug: "conf-\(index)", name: "\(city) Swift Days 2025", series: "conf-\(index)",
                                  startDate: day, endDate: day, city: city)
                try event.insert(db)
                eventIds.append(event.id!)
            }
            let base = Date(timeIntervalSince1970: 1_735_689_600)
            for (index, contact) in contacts.enumerated() {
                let parts = contact.name.split(separator: " ")
                var person = Person(
                    name: contact.name, sortName: "\(parts[2]), \(parts[0])", normalizedName: Self.fold(contact.name),
                    company: contact.company, title: contact.title,
                    createdAt: base, updatedAt: base)
                try person.insert(db)
                let id = person.id!
                var email = PersonEmail(personId: id, email: contact.email, normalized: contact.email, createdAt: base)
                try email.insert(db)
                if index % 2 == 0 {
                    var meeting = Meeting(personId: id, eventId: eventIds[index % eventIds.count],
                                          at: base.addingTimeInterval(Double(index) * 60), createdAt: base)
                    try meeting.insert(db)
                }
                for (offset, body) in contact.notes.enumerated() {
                    let at = base.addingTimeInterval(Double(index * 10 + offset))
                    var note = Note(personId: id, body: body, createdAt: at, updatedAt: at)
                    try note.insert(db)
                }
                for tag in contact.tags { try Tag(personId: id, tag: tag, createdAt: base).insert(db) }
                for (key, value) in contact.facts {
                    var fact = Fact(personId: id, key: key, value: value, learnedAt: base)
                    try fact.insert(db)
                }
            }
        }
    }

    /// Writes one vCard 3.0 file per contact into `folder` (a khard/vdir address book).
    func writeVCards(_ contacts: [Contact], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ",", with: "\\,")
                .replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: "\n", with: "\\n")
        }
        for (index, contact) in contacts.enumerated() {
            let parts = contact.name.split(separator: " ")
            var lines = [
                "BEGIN:VCARD", "VERSION:3.0", "UID:bench-\(index)",
                "FN:\(escape(contact.name))",
                "N:\(escape(parts.dropFirst(2).joined(separator: " ")));\(escape(String(parts[0])));\(escape(String(parts[1])));;",
                "ORG:\(escape(contact.company))", "TITLE:\(escape(contact.title))", "EMAIL;TYPE=work:\(contact.email)",
            ]
            if !contact.tags.isEmpty { lines.append("CATEGORIES:\(contact.tags.map(escape).joined(separator: ","))") }
            let noteText = (contact.facts.map { "\($0.0): \($0.1)" } + contact.notes).joined(separator: "\n")
            if !noteText.isEmpty { lines.append("NOTE:\(escape(noteText))") }
            lines.append("END:VCARD")
            try (lines.joined(separator: "\r\n") + "\r\n").write(
                to: folder.appendingPathComponent("bench-\(index).vcf"), atomically: false, encoding: .utf8)
        }
    }
}
