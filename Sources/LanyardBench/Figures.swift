import Foundation

/// Prints benchmark figures one per line, `name value`, so scripts can read them.
enum Figures {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// This thread's CPU time in milliseconds: on a shared machine wall times include waiting
    /// for a core, CPU times show the work itself.
    static func threadCPUMilliseconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }

    /// Runs `body`, returning its wall and CPU milliseconds.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let cpuStart = threadCPUMilliseconds()
        let wall = try ContinuousClock().measure(body)
        return (seconds(wall) * 1000, threadCPUMilliseconds() - cpuStart)
    }

    /// The value at percentile `p` (0...1) of `values` (nearest rank).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// Writes one line to stdout at once (unbuffered, so it interleaves with the script's own).
    static func emit(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func line(_ name: String, _ value: Double, digits: Int = 3) {
        emit("\(name) \(String(format: "%.\(digits)f", value))")
    }

    /// `name.p50_ms`, `name.p99_ms` and `name.max_ms` of millisecond samples (wall time).
    static func latencies(_ name: String, _ milliseconds: [Double]) {
        line("\(name).p50_ms", percentile(milliseconds, 0.50))
        line("\(name).p99_ms", percentile(milliseconds, 0.99))
        line("\(name).max_ms", milliseconds.max() ?? .nan)
    }

    /// Wall and CPU percentiles of samples from `measure`.
    static func latencies(_ name: String, _ samples: [(wall: Double, cpu: Double)]) {
        latencies(name, samples.map(\.wall))
        line("\(name).cpu_p50_ms", percentile(samples.map(\.cpu), 0.50))
        line("\(name).cpu_p99_ms", percentile(samples.map(\.cpu), 0.99))
    }

    /// `name.wall_ms` and `name.cpu_ms`: the medians of `runs` runs of `body`.
    static func median(_ name: String, runs: Int, _ body: () throws -> Void) rethrows {
        var samples: [(wall: Double, cpu: Double)] = []
        for _ in 0..<max(1, runs) { samples.append(try measure(body)) }
        line("\(name).wall_ms", percentile(samples.map(\.wall), 0.5))
        line("\(name).cpu_ms", percentile(samples.map(\.cpu), 0.5))
    }

    /// A line for a figure that cannot be measured yet, with the reason.
    static func missing(_ name: String, _ reason: String) {
        emit("\(name): \(reason)")
    }
}
