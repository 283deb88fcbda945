import Foundation
import LanyardNotes
import LanyardStore

// lanyard-search-bench: the data and in-process figures behind Scripts/bench-search.
//   lanyard-search-bench generate DB PEOPLE NOTES [VCARD_DIR]   deterministic data (and vCards)
//   lanyard-search-bench search DB [RUNS]                       in-process search latency

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("lanyard-search-bench: \(message)\n".utf8))
    exit(2)
}

/// CPU time of the calling thread: the work itself, without the waits of a shared machine.
func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate":
    guard arguments.count >= 4, let people = Int(arguments[2]), let notes = Int(arguments[3]) else {
        fail("usage: lanyard-search-bench generate DB PEOPLE NOTES [VCARD_DIR]")
    }
    let dataset = SearchDataset(people: people, notes: notes)
    let contacts = dataset.contacts()
    try? FileManager.default.removeItem(atPath: arguments[1])
    let start = Date()
    let db = try AppDatabase.open(at: arguments[1])
    try dataset.load(into: db, contacts: contacts)
    print(String(format: "generated %d people, %d notes in %.1f s (index kept by triggers)", people, notes, Date().timeIntervalSince(start)))
    if arguments.count >= 5 {
        try dataset.writeVCards(contacts, to: URL(fileURLWithPath: arguments[4]))
        print("wrote \(contacts.count) vCards to \(arguments[4])")
    }

case "search":
    guard arguments.count >= 2 else { fail("usage: lanyard-search-bench search DB [RUNS]") }
    let runs = arguments.count >= 3 ? Int(arguments[2]) ?? 20 : 20
    let db = try AppDatabase.open(at: arguments[1])
    // Names, prefixes, accents, companies, titles, facts, notes, places, two-word and filtered.
    let allQueries: [SearchQuery] = [
        SearchQuery("schmidt"), SearchQuery("jurgen"), SearchQuery("Jürgen Müller"), SearchQuery("renee"),
        SearchQuery("nak"), SearchQuery("fern"), SearchQuery("anna 4711"), SearchQuery("zoe kim"),
        SearchQuery("globex"), SearchQuery("pied piper"), SearchQuery("staff engineer"), SearchQuery("hometown"),
        SearchQuery("sourdough"), SearchQuery("synth"), SearchQuery("marathon berlin"), SearchQuery("lisbon"),
        SearchQuery("tokyo swift"), SearchQuery("rust", tag: "speaker"), SearchQuery("coffee", eventSlug: "conf-2"),
        SearchQuery("investor"), SearchQuery("o'brien"), SearchQuery("\"quoted\" -minus *star: col"),
    ]
    // SEARCH_BENCH_ONLY=coffee runs the queries with that text only (to profile one).
    let only = ProcessInfo.processInfo.environment["SEARCH_BENCH_ONLY"]
    let queries = allQueries.filter { only == nil || $0.text == only }
    var samples: [Double] = []
    var cpuSamples: [Double] = []
    var perQuery = Array(repeating: [Double](), count: queries.count)
    var perQueryCPU = Array(repeating: [Double](), count: queries.count)
    var hits = 0
    for query in queries { hits += try db.search(query).count } // warm the page cache once
    for _ in 0..<runs {
        for (index, query) in queries.enumerated() {
            let cpuStart = threadCPUNanoseconds()
            let start = DispatchTime.now().uptimeNanoseconds
            hits += try db.search(query).count
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            samples.append(ms)
            cpuSamples.append(Double(threadCPUNanoseconds() - cpuStart) / 1_000_000)
            perQueryCPU[index].append(cpuSamples.last!)
            perQuery[index].append(ms)
        }
    }
    samples.sort()
    cpuSamples.sort()
    func percentile(_ values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count) * p))] }
    print(String(format: "in-process search: %d queries × %d runs: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                 queries.count, runs, percentile(samples, 0.5), percentile(samples, 0.9), percentile(samples, 0.99), samples.last ?? 0))
    print(String(format: "  thread CPU time:                 p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                 percentile(cpuSamples, 0.5), percentile(cpuSamples, 0.9), percentile(cpuSamples, 0.99), cpuSamples.last ?? 0))
    let medians = perQuery.map { $0.sorted() }.map { percentile($0, 0.5) }
    let cpuMedians = perQueryCPU.map { $0.sorted() }.map { percentile($0, 0.5) }
    let verbose = ProcessInfo.processInfo.environment["SEARCH_BENCH_ALL"] != nil
    for index in medians.indices.sorted(by: { medians[$0] > medians[$1] }).prefix(verbose ? queries.count : 4) {
        print("  slowest median: \"\(queries[index].text)\"".padding(toLength: 52, withPad: " ", startingAt: 0)
            + String(format: "%.2f ms (CPU %.2f ms)", medians[index], cpuMedians[index]))
    }

default:
    fail("usage: lanyard-search-bench generate DB PEOPLE NOTES [VCARD_DIR] | search DB [RUNS]")
}
