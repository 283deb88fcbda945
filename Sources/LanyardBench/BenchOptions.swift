import Foundation

/// The command line of `lanyard-bench`:
/// `[--people N] [--events E] [--meetings M] [--notes K] [--checkins C] [--searches S]
/// [--seed X] [--db PATH] [--fresh] [--generate-only]`.
struct BenchOptions {
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

    init(arguments: [String]) {
        var it = arguments.dropFirst().makeIterator()
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
            default:
                FileHandle.standardError.write(Data("lanyard-bench: unknown argument \(arg)\n".utf8))
                exit(2)
            }
        }
    }
}
