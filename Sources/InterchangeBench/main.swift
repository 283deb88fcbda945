// Benchmark of the interchange parsers: prints figures, asserts nothing.
// Run it with Scripts/bench-interchange (release build).
import Foundation
import LanyardFormats

/// A LinkedIn Connections.csv of `rows` rows, with the preamble, a BOM, quoted commas and empty emails.
func linkedInCSV(rows: Int) -> String {
    var text = "\u{FEFF}Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\r\n\r\n"
    text += "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    for i in 0..<rows {
        let email = i % 3 == 0 ? "" : "person\(i)@example.org"
        text += "Given\(i),Family-\(i % 997),https://www.linkedin.com/in/person-\(i),\(email),\"Company \(i % 500), Inc.\",Engineer \(i % 7),\(String(format: "%02d", i % 28 + 1)) \(months[i % 12]) \(2015 + i % 10)\r\n"
    }
    return text
}

/// CPU time (user + system) of this process so far: what a run costs whatever else the machine does.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func measure(_ label: String, runs: Int = 5, _ body: () throws -> Int) rethrows {
    var times: [Double] = []
    var cpu: [Double] = []
    var count = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuSeconds()
        count = try body()
        cpu.append(cpuSeconds() - cpuStart)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    cpu.sort()
    print(String(format: "%@: %d records, wall median %.3f s (best %.3f s), CPU median %.3f s (best %.3f s), %d runs", label, count, times[times.count / 2], times[0], cpu[cpu.count / 2], cpu[0], runs))
}

let rows = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 30_000
let csv = linkedInCSV(rows: rows)
print("LinkedIn CSV: \(rows) rows, \(csv.utf8.count) bytes")
try measure("LinkedIn CSV parse+map") {
    let result = try LinkedInConnections.read(csv)
    precondition(result.rejected.isEmpty && result.contacts.count == rows)
    return result.contacts.count
}
