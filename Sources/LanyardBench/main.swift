import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardNotes
import LanyardStore

// lanyard-bench: builds (or reuses) a generated address book and measures, in-process,
// check-in, recognition, search and briefing latency, and contact import time. One figure per line (`name value`), read by
// Scripts/bench. See BenchOptions for the arguments.

let options = BenchOptions(arguments: CommandLine.arguments)
switch options.part {
case .briefing:
    try BriefingBench.run(runs: options.runs, elsewhere: options.elsewhere, seed: options.seed)
    exit(0)
case .interchange:
    try InterchangeBench.run(rows: options.rows, cards: options.cards)
    exit(0)
case .search:
    // The queries the whole bench makes: the generator draws as it does for its check-ins first.
    let db = try AppDatabase.open(at: options.path)
    var generator = BookGenerator(seed: options.seed)
    for count in [50, options.checkins, 200, 200] { _ = try generator.checkIns(count: count, in: db) }
    let mix = generator.searchQueries(count: options.searches)
    let queries = options.queries.isEmpty ? mix : Array(repeating: options.queries, count: options.runs).flatMap { $0 }
    try SearchMix.run(queries, on: db)
    exit(0)
case .all:
    break
}
if options.fresh {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: options.path + suffix) }
}
let existed = FileManager.default.fileExists(atPath: options.path)
let db = try AppDatabase.open(at: options.path)
var generator = BookGenerator(seed: options.seed)

let peopleCount = try db.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM person") ?? 0 }
if !existed || peopleCount == 0 {
    let elapsed = try Figures.measure {
        try generator.populate(db, people: options.people, events: options.events, meetings: options.meetings, notes: options.notes)
    }
    Figures.line("generate.seconds", elapsed.wall / 1000, digits: 1)
    Figures.line("generate.cpu_seconds", elapsed.cpu / 1000, digits: 1)
    // Fold the WAL into the file, so the book can be copied as one file.
    _ = try db.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
}
let counts = try db.reader.read { db in
    ["person", "event", "meeting", "note", "personEmail", "personKey"].map { table in
        "\(table)=\((try? Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")) ?? 0)"
    }
}
Figures.emit("book: \(counts.joined(separator: " ")) (\(options.path))")
if options.generateOnly { exit(0) }

// MARK: - Check-in (issue 3: p50 <= 1 ms, p99 <= 5 ms)

// Warm-up: nickname table, statement caches.
for request in try generator.checkIns(count: 50, in: db) { _ = try db.checkIn(request) }

var checkInTimes: [(wall: Double, cpu: Double)] = []
var recognizeTimes: [(wall: Double, cpu: Double)] = []
var recognized = 0
// The log is checkpointed off the check-in path, as `lanyard serve` does in the background.
let checkpointer = try WALCheckpointer(db)
var checkpointTimes: [(wall: Double, cpu: Double)] = []
for (index, request) in try generator.checkIns(count: options.checkins, in: db).enumerated() {
    if index % 100 == 99 { checkpointTimes.append(try Figures.measure { try checkpointer.checkpoint() }) }
    let contact = try request.contact()
    recognizeTimes.append(Figures.measure { _ = try? db.recognize(contact) })
    var result: CheckInResult?
    checkInTimes.append(try Figures.measure { result = try db.checkIn(request) })
    if result?.recognized == true { recognized += 1 }
}
Figures.latencies("checkin.inprocess", checkInTimes)
Figures.latencies("recognize.inprocess", recognizeTimes)
Figures.latencies("checkin.wal_checkpoint_per_100", checkpointTimes)
// The answer as the CLI (`--json`) and `POST /checkins` encode it, and the request's parsing.
let answers = try generator.checkIns(count: 200, in: db).map { try db.checkIn($0) }
let encoder = LanyardJSON.encoder(pretty: false)
Figures.latencies("checkin.encode_json", try answers.map { answer in try Figures.measure { _ = try encoder.encode(answer) } })
let requests = try generator.checkIns(count: 200, in: db)
Figures.latencies("checkin.parse_request", try requests.map { request in try Figures.measure { _ = ContactQuery(try request.contact()) } })
Figures.line("checkin.recognized_share", Double(recognized) / Double(max(1, checkInTimes.count)), digits: 2)

// MARK: - Search (issue 4: p99 <= 5 ms)

try SearchMix.run(generator.searchQueries(count: options.searches), on: db)

// MARK: - Briefing (issue 5: <= 50 ms over 500 earlier meetings)

try BriefingBench.run(runs: options.runs, elsewhere: options.elsewhere, seed: options.seed)

// MARK: - Contact import (issue 8: 30,000 LinkedIn rows <= 1 s, 10,000 vCards <= 1 s)

try InterchangeBench.run(rows: options.rows, cards: options.cards)
