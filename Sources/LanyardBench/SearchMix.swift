import Foundation
import LanyardNotes
import LanyardStore

/// The search figures (issue 4: p99 <= 5 ms) over the generator's query mix, shared by the
/// whole bench and `lanyard-bench search` (the search alone, on a book it does not modify).
enum SearchMix {
    /// Measures `queries` one by one after a warm-up: `search.inprocess` percentiles, the
    /// share of empty results and the slowest queries.
    static func run(_ queries: [String], on db: AppDatabase) throws {
        for query in queries.prefix(50) { _ = try db.search(SearchQuery(query)) }
        var searchTimes: [(wall: Double, cpu: Double)] = []
        var emptyResults = 0
        for query in queries {
            var hits: [SearchHit] = []
            searchTimes.append(try Figures.measure { hits = try db.search(SearchQuery(query)) })
            if hits.isEmpty { emptyResults += 1 }
        }
        Figures.latencies("search.inprocess", searchTimes)
        Figures.line("search.empty_share", Double(emptyResults) / Double(max(1, queries.count)), digits: 2)
        // The slowest queries, to know what the tail is made of.
        let slowest = zip(queries, searchTimes).sorted { $0.1.cpu > $1.1.cpu }.prefix(5)
        Figures.emit("search.slowest: " + slowest.map { "\($0.0.debugDescription) \(String(format: "%.1f", $0.1.cpu)) ms" }.joined(separator: ", "))
    }
}
