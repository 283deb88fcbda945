import Dispatch
import Foundation

extension RandomAccessCollection where Index == Int, Self: Sendable {
    /// `map(transform)`, worked out on every core: the collection is cut into one run of
    /// consecutive elements per core (none shorter than `minimumRun`), each run is mapped on
    /// its own thread, and the results come back in the collection's order. For pure, costly
    /// transforms of many elements (an import reduces every contact to its keys before its
    /// transaction); a small collection, or a machine with one core, maps on the caller's thread.
    public func concurrentMap<T: Sendable>(minimumRun: Int = 256, _ transform: @Sendable (Element) -> T) -> [T] {
        let runs = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(1, minimumRun))
        guard runs > 1 else { return map(transform) }
        let base = startIndex
        let total = count
        return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            let results = DisjointSlots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: runs) { run in
                for offset in (total * run / runs)..<(total * (run + 1) / runs) {
                    results.initialize(offset, to: transform(self[base + offset]))
                }
            }
            initialized = total
        }
    }
}

/// The uninitialised result buffer of `concurrentMap`, shared by its runs: each run
/// initialises its own slots only, and the caller reads none before every run has ended.
private struct DisjointSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>

    func initialize(_ offset: Int, to value: T) {
        (base + offset).initialize(to: value)
    }
}
