import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardStore

/// Generates a reproducible address book: people with accented names, nicknames and several
/// emails, companies, phones; editions across series; meetings and notes. The same seed gives
/// the same book.
struct BookGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    /// Raw random bits, so the generator also drives `Int.random(in:using:)`.
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }

    mutating func pick<T>(_ values: [T]) -> T { values[next(values.count)] }

    static let givenNames: [String] = [
        "james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "william", "elizabeth",
        "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen",
        "daniel", "nancy", "matthew", "lisa", "anthony", "betty", "mark", "margaret", "donald", "sandra",
        "steven", "ashley", "paul", "kimberly", "andrew", "emily", "joshua", "donna", "kenneth", "michelle",
        "kevin", "dorothy", "brian", "carol", "george", "amanda", "timothy", "melissa", "ronald", "deborah",
        "josé", "sofía", "lukas", "léa", "jonas", "emma", "felix", "mia", "maximilian", "hannah", "yuki", "haruto",
        "wei", "mei", "aarav", "ananya", "olga", "ivan", "fatima", "omar", "chloé", "lucas", "inès", "hugo",
        "zoë", "søren", "françois", "björn", "ángel", "núria", "çağla", "łukasz",
    ]
    /// Nicknames a badge may carry instead of the given name (the nickname table knows them).
    static let nicknames: [String: [String]] = [
        "robert": ["bob", "rob", "bobby"], "elizabeth": ["liz", "beth", "lizzie"], "william": ["bill", "will"],
        "richard": ["dick", "rick"], "james": ["jim", "jimmy"], "michael": ["mike"], "joseph": ["joe"],
        "thomas": ["tom"], "margaret": ["maggie", "peggy"], "daniel": ["dan", "danny"], "matthew": ["matt"],
        "anthony": ["tony"], "kimberly": ["kim"], "andrew": ["andy", "drew"], "jennifer": ["jenny", "jen"],
    ]
    static let syllables = ["mor", "eau", "smi", "th", "mül", "ler", "gar", "cía", "lo", "pez", "wag", "ner", "ber", "ger",
                            "ko", "wal", "ski", "ta", "na", "ka", "ro", "sen", "han", "son", "van", "dyk", "dal", "ton",
                            "fi", "sher", "bau", "mann", "ric", "ci", "ol", "iv", "ier", "du", "pont", "le", "roy", "ø", "é"]
    static let series = ["swiftconf", "serverside", "kubecon", "droidcon"]
    static let years = Array(2019...2026)
    static let cities = ["Berlin", "Lyon", "Leeds", "Kraków", "São Paulo", "Zürich", "Tokyo", "Austin", "Montréal", "Oslo"]
    static let topics = ["marathon", "kubernetes", "swift concurrency", "vapor", "hummingbird", "sqlite", "postgres",
                         "hiring", "open source", "typescript", "rust", "observability", "climbing", "sourdough",
                         "twin daughters", "sailing", "espresso", "chess", "jazz", "photography", "investing", "mentoring"]
    static let phrases = ["asked about", "wants an intro to", "is writing a book on", "gave a talk on",
                          "is hiring for", "recommended a paper on", "spent the summer", "we argued about"]

    mutating func familyName() -> String {
        let count = 2 + next(2)
        return (0..<count).map { _ in pick(Self.syllables) }.joined().capitalized
    }

    mutating func company() -> String {
        "\(pick(Self.syllables).capitalized)\(pick(Self.syllables))\(next(400)) \(pick(["Inc.", "GmbH", "Ltd", "Corp", "SARL", ""]))"
            .trimmingCharacters(in: .whitespaces)
    }

    /// ASCII local part of an email from a name ("Zoë Müller" → "zoe.muller").
    static func mailbox(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == ".") }.map(Character.init))
    }

    /// The series and years of `count` editions: the four named series first, then made-up ones.
    mutating func editionDrafts(count: Int) -> [EventDraft] {
        var drafts: [EventDraft] = []
        var seriesIndex = 0
        while drafts.count < count {
            let series = seriesIndex < Self.series.count
                ? Self.series[seriesIndex]
                : "\(Self.mailbox(pick(Self.syllables)))\(Self.mailbox(pick(Self.syllables)))conf\(seriesIndex)"
            let city = pick(Self.cities)
            for year in Self.years where drafts.count < count {
                drafts.append(EventDraft(slug: "\(series)-\(year)", name: "\(series.capitalized) \(year)", series: series,
                                         start: "\(year)-09-1\(next(9))", city: city))
            }
            seriesIndex += 1
        }
        return drafts
    }

    /// Inserts editions (one transaction), people through the module's own person creation
    /// (keys and search rows included), meetings and notes, in one transaction each.
    mutating func populate(_ db: AppDatabase, people: Int, events: Int, meetings: Int, notes: Int) throws {
        let drafts = editionDrafts(count: max(events, 1))
        try db.writer.write { database in
            for draft in drafts {
                var event = try draft.validated()
                try event.insert(database)
            }
        }
        let eventIds = try db.reader.read { try Int64.fetchAll($0, sql: "SELECT id FROM event WHERE slug <> 'swiftconf-2026' ORDER BY id") }
        var generator = self
        try db.writer.write { database in
            for i in 0..<people {
                let canonical = generator.pick(Self.givenNames)
                var given = canonical
                if let nicks = Self.nicknames[canonical], generator.next(4) == 0 { given = generator.pick(nicks) }
                given = given.capitalized
                let family = generator.familyName()
                let company = generator.company()
                var card = ContactCard(fullName: "\(given) \(family)", organization: company)
                card.title = generator.next(3) == 0 ? generator.pick(["CTO", "Engineer", "Developer Advocate", "Founder", "Staff Engineer"]) : nil
                let domain = Self.mailbox(String(company.split(separator: " ")[0])).lowercased()
                let local = Self.mailbox("\(given).\(family)").lowercased()
                card.emails = [.init("\(local)\(i)@\(domain).example", label: "work")]
                for extra in 0..<generator.next(3) {
                    card.emails.append(.init("\(local)\(i)\(extra == 0 ? "" : "\(extra)")@\(generator.pick(["mail", "post", "inbox"])).example", label: "home"))
                }
                if generator.next(2) == 0 { card.phones = [.init("+1 \(200 + generator.next(700)) 555 \(String(format: "%04d", i % 10000))")] }
                _ = try AppDatabase.createPerson(from: card, at: Date(timeIntervalSince1970: 1_600_000_000 + Double(i)), in: database)
            }
        }
        try db.writer.write { database in
            let statement = try database.makeStatement(sql: "INSERT INTO meeting (personId, eventId, at, booth, createdAt) VALUES (?, ?, ?, ?, ?)")
            for m in 0..<meetings {
                let at = Date(timeIntervalSince1970: 1_560_000_000 + Double(m) * 600)
                try statement.execute(arguments: [Int64(1 + generator.next(people)), generator.pick(eventIds), at, "\(generator.next(80))", at])
            }
        }
        try db.writer.write { database in
            let statement = try database.makeStatement(sql: "INSERT INTO note (personId, body, createdAt, updatedAt) VALUES (?, ?, ?, ?)")
            for n in 0..<notes {
                let at = Date(timeIntervalSince1970: 1_570_000_000 + Double(n) * 300)
                try statement.execute(arguments: [Int64(1 + generator.next(people)), generator.noteBody(), at, at])
            }
        }
        self = generator
    }

    mutating func noteBody() -> String {
        let first = "\(pick(Self.phrases).capitalized) \(pick(Self.topics))"
        switch next(3) {
        case 0: return first + "."
        case 1: return first + "; lives in \(pick(Self.cities))."
        default: return first + ", also \(pick(Self.phrases)) \(pick(Self.topics)). Follow up after the conference."
        }
    }

    /// What people type into `lanyard search`: name prefixes, companies, topics, a city.
    mutating func searchQueries(count: Int) -> [String] {
        (0..<count).map { _ in
            switch next(6) {
            case 0: String(pick(Self.givenNames).prefix(3 + next(3)))
            case 1: "\(pick(Self.givenNames)) \(pick(Self.syllables))"
            case 2: pick(Self.topics)
            case 3: "\(pick(Self.syllables))\(pick(Self.syllables))".capitalized
            case 4: pick(Self.cities)
            default: "\(String(pick(Self.topics).prefix(4))) \(pick(Self.cities))"
            }
        }
    }

    /// Check-ins at SwiftConf 2026: half repeat meetings (by email, or by name + company),
    /// half strangers (with and without an email).
    mutating func checkIns(count: Int, in db: AppDatabase) throws -> [CheckInRequest] {
        let maxId = try db.reader.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM person") ?? 1 }
        var requests: [CheckInRequest] = []
        for i in 0..<count {
            let booth = "\(next(80))"
            switch next(4) {
            case 0:
                requests.append(CheckInRequest(event: "swiftconf-2026", name: "\(pick(Self.givenNames).capitalized) \(familyName())",
                                               company: company(), email: "new\(i)-\(next(1_000_000))@example.org", booth: booth))
            case 1:
                requests.append(CheckInRequest(event: "swiftconf-2026", name: "\(pick(Self.givenNames).capitalized) \(familyName())", booth: booth))
            default:
                let id = Int64(1 + next(Int(maxId)))
                let known = try db.reader.read { database in
                    try Row.fetchOne(database, sql: "SELECT name, company, (SELECT email FROM personEmail WHERE personId = person.id LIMIT 1) AS email FROM person WHERE id = ?", arguments: [id])
                }
                guard let known else { continue }
                if next(2) == 0, let email: String = known["email"] {
                    requests.append(CheckInRequest(event: "swiftconf-2026", email: email.uppercased(), booth: booth))
                } else {
                    requests.append(CheckInRequest(event: "swiftconf-2026", name: known["name"], company: known["company"], booth: booth))
                }
            }
        }
        return requests
    }
}
