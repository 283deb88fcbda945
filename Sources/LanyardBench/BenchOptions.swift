import Foundation

/// The command line of `lanyard-bench`:
/// `[briefing | interchange | search] [--people N] [--events E] [--meetings M] [--notes K] [--checkins C] [--searches S]
/// [--seed X] [--db PATH] [--fresh] [--generate-only] [--query TEXT] [--runs R] [--elsewhere M] [--rows R] [--cards C]`.
/// Without a part name it generates the book and measures everything; `briefing` measures
/// only the briefing (on its own small book), `interchange` only the contact imports, `search`
/// only the search mix on an existing book, without writing to it (`--query`: those queries,
/// `--runs` times each, instead of the mix).
struct BenchOptions {
    enum Part: String { case all, briefing, interchange, search }

    var part = Part.all
    var people = 100_000
    var events = 500
    var meetings = 300_000
    var notes = 200_000
    var checkins = 2_000
    var searches = 2_000
    var seed: UInt64 = 42
    var path = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-bench/bench.sqlite").path
    var fresh = false
    var generateOnly = false
    /// `--query TEXT` (repeatable): the search part measures these instead of the mix.
    var queries: [String] = []
    /// Runs per briefing figure, and meetings outside the series in the briefing's book.
    var runs = 20
    var elsewhere = 300
    /// LinkedIn rows and vCards the import figures use.
    var rows = 30_000
    var cards = 10_000

    init(arguments: [String]) {
        var rest = arguments.dropFirst()
        if let first = rest.first, let part = Part(rawValue: first) {
            self.part = part
            rest = rest.dropFirst()
        }
        var it = rest.makeIterator()
        func number(_ current: Int) -> Int { Int(it.next() ?? "") ?? current }
        while let arg = it.next() {
            switch arg {
            case "--people": people = number(people)
            case "--events": events = max(2, number(events))
            case "--meetings": meetings = number(meetings)
            case "--notes": notes = number(notes)
            case "--checkins": checkins = number(checkins)
            case "--searches": searches = number(searches)
            case "--seed": seed = UInt64(it.next() ?? "") ?? seed
            case "--db": path = it.next() ?? path
            case "--fresh": fresh = true
            case "--generate-only": generateOnly = true
            case "--query": queries.append(it.next() ?? "")
            case "--runs": runs = max(1, number(runs))
            case "--elsewhere": elsewhere = number(elsewhere)
            case "--rows": rows = number(rows)
            case "--cards": cards = number(cards)
            default:
                FileHandle.standardError.write(Data("lanyard-bench: unknown argument \(arg)\n".utf8))
                exit(2)
            }
        }
    }
}
