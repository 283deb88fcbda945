import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardStore

// lanyard-bench: builds (or reuses) a generated address book and measures check-in latency
// in-process. Usage: lanyard-bench [--people N] [--meetings M] [--checkins K] [--db PATH] [--fresh]

struct BenchOptions {
    var people = 100_000
    var meetings = 300_000
    var checkins = 2_000
    var path = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-bench/bench.sqlite").path
    var fresh = false

    init(arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
        while let arg = it.next() {
            switch arg {
            case "--people": people = Int(it.next() ?? "") ?? people
            case "--meetings": meetings = Int(it.next() ?? "") ?? meetings
            case "--checkins": checkins = Int(it.next() ?? "") ?? checkins
            case "--db": path = it.next() ?? path
            case "--fresh": fresh = true
            default: print("unknown argument \(arg)"); exit(2)
            }
        }
    }
}

let options = BenchOptions(arguments: CommandLine.arguments)
if options.fresh { try? FileManager.default.removeItem(atPath: options.path) }
let existed = FileManager.default.fileExists(atPath: options.path)
let db = try AppDatabase.open(at: options.path)
var generator = BookGenerator(seed: 42)

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

let clock = ContinuousClock()
let peopleCount = try db.reader.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM person") ?? 0 }
if !existed || peopleCount < options.people {
    let elapsed = try clock.measure { try generator.populate(db, people: options.people, meetings: options.meetings) }
    print("generated \(options.people) people, \(options.meetings) meetings in \(String(format: "%.1f", seconds(elapsed))) s -> \(options.path)")
}
let counts = try db.reader.read { db in
    (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person") ?? 0,
     try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meeting") ?? 0,
     try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM personKey") ?? 0)
}
print("book: \(counts.0) people, \(counts.1) meetings, \(counts.2) index keys")

// Warm-up: nickname table, statement caches.
for request in try generator.checkIns(count: 50, in: db) { _ = try db.checkIn(request) }

var checkInTimes: [Double] = []
var recognizeTimes: [Double] = []
var recognized = 0
var byKind: [String: [Double]] = [:]
var checkInCPU: [Double] = []

/// CPU time of this thread, in milliseconds: the work itself, without waiting for a core.
func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1_000_000
}
for request in try generator.checkIns(count: options.checkins, in: db) {
    let contact = try request.contact()
    let r = clock.measure { _ = try? db.recognize(contact) }
    recognizeTimes.append(seconds(r) * 1000)
    var result: CheckInResult?
    let cpuStart = threadCPUMilliseconds()
    let c = try clock.measure { result = try db.checkIn(request) }
    checkInCPU.append(threadCPUMilliseconds() - cpuStart)
    checkInTimes.append(seconds(c) * 1000)
    let kind = request.name == nil ? "by email" : request.email != nil ? "stranger with email" : request.company != nil ? "by name+company" : "stranger, name only"
    byKind[kind, default: []].append(seconds(c) * 1000)
    if result?.recognized == true { recognized += 1 }
}

func report(_ label: String, _ values: [Double]) {
    let sorted = values.sorted()
    func pct(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
    print(String(format: "%@: n=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms", label, sorted.count, pct(0.50), pct(0.90), pct(0.99), sorted.last ?? 0))
}
report("checkIn wall", checkInTimes)
report("checkIn cpu ", checkInCPU)
report("recognize", recognizeTimes)
for (kind, values) in byKind.sorted(by: { $0.key < $1.key }) { report("checkIn \(kind)", values) }
print("recognized \(recognized) of \(options.checkins) check-ins (about half are repeat meetings by design)")
