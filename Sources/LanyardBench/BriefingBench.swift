import Foundation
import GRDB
import LanyardBriefing
import LanyardStore

/// `lanyard-bench briefing`: seeds a fresh database with 500 meetings at four earlier editions
/// of a series (300 people, 200 of them repeat attendees, 3 notes, 2 facts, a tag and a
/// follow-up each) and `elsewhere` meetings with other people in the last year (a fifth of them
/// tagged with the event's city, so listed in the second section), then times
/// `AppDatabase.briefing` and each renderer in-process (issue 5: read + render <= 50 ms).
enum BriefingBench {
    static func run(runs: Int, elsewhere elsewhereMeetings: Int, seed: UInt64) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-bench-briefing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.open(at: folder.appendingPathComponent("bench.sqlite").path)
        let now = Date()
        try seedBook(database, elsewhereMeetings: elsewhereMeetings, now: now, seed: seed)

        let briefing = try database.briefing(eventSlug: "benchconf-next", now: now)
        Figures.emit("briefing: 500 meetings at 4 earlier editions, \(elsewhereMeetings) elsewhere; lists \(briefing.seriesPeople.count) + \(briefing.relatedPeople.count) people; \(runs) runs each")
        try figure("briefing.read", runs: runs) { _ = try database.briefing(eventSlug: "benchconf-next", now: now) }
        for format in BriefingFormat.allCases {
            try figure("briefing.render_\(format.rawValue)", runs: runs) { _ = try format.render(briefing) }
            try figure("briefing.read_render_\(format.rawValue)", runs: runs) {
                _ = try format.render(database.briefing(eventSlug: "benchconf-next", now: now))
            }
        }
    }

    /// `name.wall_ms` and `name.cpu_ms` (medians of `runs` runs), then `name.max_wall_ms` and
    /// `name.max_cpu_ms`: the goal holds for the worst run too.
    static func figure(_ name: String, runs: Int, _ body: () throws -> Void) rethrows {
        var samples: [(wall: Double, cpu: Double)] = []
        for _ in 0..<max(1, runs) { samples.append(try Figures.measure(body)) }
        Figures.line("\(name).wall_ms", Figures.percentile(samples.map(\.wall), 0.5))
        Figures.line("\(name).cpu_ms", Figures.percentile(samples.map(\.cpu), 0.5))
        Figures.line("\(name).max_wall_ms", samples.map(\.wall).max() ?? .nan)
        Figures.line("\(name).max_cpu_ms", samples.map(\.cpu).max() ?? .nan)
    }

    static func seedBook(_ database: AppDatabase, elsewhereMeetings: Int, now: Date, seed: UInt64) throws {
        let day = 86_400.0
        try database.writer.write { db in
            var generator = BookGenerator(seed: seed)
            func event(_ slug: String, _ series: String, _ start: Date, _ city: String) throws -> (Int64, Date) {
                let first = CalendarDay(start, in: TimeZone(identifier: "UTC")!)
                var event = Event(slug: slug, name: slug, series: series, startDate: first, endDate: first.adding(days: 1), city: city)
                try event.insert(db)
                return (event.id!, start)
            }
            let editions = try (0..<4).map { try event("benchconf-\($0)", "benchconf", now.addingTimeInterval(-Double(365 * (4 - $0) + 20) * day), "Berlin") }
            _ = try event("benchconf-next", "benchconf", now.addingTimeInterval(14 * day), "Berlin")
            let elsewhere = try (0..<10).map { try event("other-\($0)", "other\($0)", now.addingTimeInterval(-Double(30 * $0 + 5) * day), "Leeds") }
            func person(_ i: Int) throws -> Int64 {
                var person = Person(name: "Person \(i)", sortName: "person \(i)", normalizedName: "person \(i)", company: "Company \(i % 40)", title: "Engineer")
                try person.insert(db)
                return person.id!
            }
            let people = try (0..<300).map(person)
            for n in 0..<500 {
                let personId = n < 300 ? people[n] : people[Int.random(in: 0..<200, using: &generator)]
                let (eventId, start) = editions[n % 4]
                var meeting = Meeting(personId: personId, eventId: eventId, at: start.addingTimeInterval(Double(n % 30) * 3600), booth: "B\(n % 60)")
                try meeting.insert(db)
            }
            for (i, personId) in people.enumerated() {
                for k in 0..<3 {
                    var note = Note(personId: personId, body: k == 0 ? "Talked about topic \(i) and the weather in Berlin" : "Note \(k) on a long conversation about Swift on the server",
                                    createdAt: now.addingTimeInterval(-Double(Int.random(in: 1..<900, using: &generator)) * day))
                    try note.insert(db)
                }
                var family = Fact(personId: personId, key: "family", value: "two kids")
                try family.insert(db)
                var ask = Fact(personId: personId, key: "ask about", value: "the new job")
                try ask.insert(db)
                try Tag(personId: personId, tag: "swift").insert(db)
                let (eventId, start) = editions[i % 4]
                let sent = i % 3 != 0
                var followUp = FollowUp(personId: personId, eventId: eventId, state: sent ? .sent : .draft, toAddress: "p\(i)@example.com",
                                        subject: "Thanks", body: "Hello", template: "default", dueAt: start.addingTimeInterval(day),
                                        sentAt: sent ? start.addingTimeInterval(day) : nil)
                try followUp.insert(db)
            }
            for i in 0..<elsewhereMeetings {
                let personId = try person(1000 + i)
                let (eventId, start) = elsewhere[i % 10]
                var meeting = Meeting(personId: personId, eventId: eventId, at: start)
                try meeting.insert(db)
                if i % 5 == 0 { try Tag(personId: personId, tag: "berlin").insert(db) }
                var note = Note(personId: personId, body: "Met at the coffee stand", createdAt: start)
                try note.insert(db)
            }
        }
    }
}
