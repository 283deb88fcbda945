import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardStore

/// Generates a reproducible address book: people with names from the nickname table and
/// made-up family names, companies, emails, phones; meetings across a few editions.
struct BookGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    static let givenNames: [String] = {
        let words = ["james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "william", "elizabeth",
                     "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen",
                     "daniel", "nancy", "matthew", "lisa", "anthony", "betty", "mark", "margaret", "donald", "sandra",
                     "steven", "ashley", "paul", "kimberly", "andrew", "emily", "joshua", "donna", "kenneth", "michelle",
                     "kevin", "dorothy", "brian", "carol", "george", "amanda", "timothy", "melissa", "ronald", "deborah",
                     "jose", "sofia", "lukas", "lea", "jonas", "emma", "felix", "mia", "maximilian", "hannah", "yuki", "haruto",
                     "wei", "mei", "aarav", "ananya", "olga", "ivan", "fatima", "omar", "chloe", "lucas", "ines", "hugo"]
        return words
    }()
    static let syllables = ["mor", "eau", "smi", "th", "mul", "ler", "gar", "cia", "lo", "pez", "wag", "ner", "ber", "ger",
                            "ko", "wal", "ski", "ta", "na", "ka", "ro", "sen", "han", "son", "van", "dyk", "dal", "ton",
                            "fi", "sher", "bau", "mann", "ric", "ci", "ol", "iv", "ier", "du", "pont", "le", "roy"]

    mutating func familyName() -> String {
        let count = 2 + next(2)
        return (0..<count).map { _ in Self.syllables[next(Self.syllables.count)] }.joined().capitalized
    }

    mutating func company() -> String {
        "\(Self.syllables[next(Self.syllables.count)].capitalized)\(Self.syllables[next(Self.syllables.count)])\(next(400)) \(["Inc.", "GmbH", "Ltd", "Corp", ""][next(5)])"
    }

    /// Inserts people (through the module's own person creation, keys included) and meetings.
    mutating func populate(_ db: AppDatabase, people: Int, meetings: Int) throws {
        let editions = ["swiftconf", "serverside", "kubecon", "droidcon"].flatMap { series in
            (2019...2026).map { year in (series, year) }
        }
        for (series, year) in editions {
            _ = try? db.addEvent(EventDraft(slug: "\(series)-\(year)", name: "\(series.capitalized) \(year)", series: series,
                                            start: "\(year)-09-1\(next(9))"))
        }
        let eventIds = try db.reader.read { try Int64.fetchAll($0, sql: "SELECT id FROM event") }
        var generator = self
        try db.writer.write { database in
            for i in 0..<people {
                let given = Self.givenNames[generator.next(Self.givenNames.count)].capitalized
                let family = generator.familyName()
                let company = generator.company()
                var card = ContactCard(fullName: "\(given) \(family)", organization: company)
                card.emails = [.init("\(given).\(family)\(i)@\(company.split(separator: " ")[0].lowercased()).example".lowercased())]
                if generator.next(2) == 0 { card.phones = [.init("+1 \(200 + generator.next(700)) 555 \(String(format: "%04d", i % 10000))")] }
                _ = try AppDatabase.createPerson(from: card, at: Date(timeIntervalSince1970: 1_600_000_000 + Double(i)), in: database)
            }
            let statement = try database.makeStatement(sql: "INSERT INTO meeting (personId, eventId, at, booth, createdAt) VALUES (?, ?, ?, ?, ?)")
            for m in 0..<meetings {
                let at = Date(timeIntervalSince1970: 1_560_000_000 + Double(m) * 600)
                try statement.execute(arguments: [Int64(1 + generator.next(people)), eventIds[generator.next(eventIds.count)], at, "\(generator.next(80))", at])
            }
        }
        self = generator
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
                requests.append(CheckInRequest(event: "swiftconf-2026", name: "\(Self.givenNames[next(Self.givenNames.count)].capitalized) \(familyName())",
                                               company: company(), email: "new\(i)-\(next(1_000_000))@example.org", booth: booth))
            case 1:
                requests.append(CheckInRequest(event: "swiftconf-2026", name: "\(Self.givenNames[next(Self.givenNames.count)].capitalized) \(familyName())", booth: booth))
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
