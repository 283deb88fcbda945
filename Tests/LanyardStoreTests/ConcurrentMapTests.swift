import Foundation
import Synchronization
import Testing
@testable import LanyardStore

/// `concurrentMap` gives exactly what `map` gives, in order, however the elements are cut
/// into runs. (How many threads it gets depends on how busy the pool is; what it gains is
/// measured by `lanyard-bench interchange`, not here.)
@Suite("Concurrent map")
struct ConcurrentMapTests {
    @Test("The same results as map, in order, for every size around the run boundaries", arguments: [0, 1, 2, 255, 256, 511, 512, 513, 1_000, 30_001])
    func sameAsMap(count: Int) {
        let values = (0..<count).map { "value \($0 * 7919 % 10_007)" }
        let transform: @Sendable (String) -> [UInt8] = { Array($0.utf8.reversed()) }
        #expect(values.concurrentMap(transform) == values.map(transform))
        #expect(values.concurrentMap(minimumRun: 1, transform) == values.map(transform))
    }

    @Test("A slice maps from its own start index")
    func slice() {
        let values = Array(0..<2_000)
        let slice = values[700..<1_900]
        #expect(slice.concurrentMap(minimumRun: 10) { $0 * 2 } == slice.map { $0 * 2 })
    }

    @Test("Results that are objects are each made once and released once")
    func ownership() {
        final class Counted: Sendable {
            static let live = Atomic<Int>(0)
            let value: Int
            init(_ value: Int) { self.value = value; Self.live.add(1, ordering: .relaxed) }
            deinit { Self.live.subtract(1, ordering: .relaxed) }
        }
        do {
            let results = Array(0..<5_000).concurrentMap(minimumRun: 100) { Counted($0) }
            #expect(results.map(\.value) == Array(0..<5_000))
            #expect(Counted.live.load(ordering: .relaxed) == 5_000)
        }
        #expect(Counted.live.load(ordering: .relaxed) == 0)
    }
}
