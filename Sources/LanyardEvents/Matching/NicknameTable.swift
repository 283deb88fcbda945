import Foundation
import LanyardFormats
import Synchronization

/// Given names and their nicknames (Robert ↔ Bob, Elizabeth ↔ Liz), from the shipped
/// `nicknames.csv`. Loaded once, lazily and thread-safely, on first use; each name is looked
/// up by a scan of the pairs the first time it is asked for, then remembered.
public final class NicknameTable: Sendable {
    /// The table shipped with the module.
    public static let shared = NicknameTable(csv: NicknameTable.bundledCSV())

    /// Pairs the source lists as nicknames that are in fact distinct given names: Emma is not
    /// Emily, Jean is not Jane.
    static let distinctNames: Set<String> = [
        "emily|emma", "amelia|emily", "jane|jean", "anna|hannah", "frances|francis", "emeline|emma",
    ]

    /// Every name of the table, folded, one after another; `pairs` are ranges into it.
    private let names: [UInt8]
    private let pairs: [(a: Range<Int>, b: Range<Int>)]
    /// The neighbours of each name asked for so far (the table is scanned once per name).
    private let found = Mutex<[String: [String]]>([:])

    /// Reads `name1,has_nickname,name2` lines (a header line is skipped) into a flat buffer of
    /// folded names. No dictionary of every name is built: `lanyard checkin` loads the table in
    /// every process, and hashing 5,000 names cost more than the few lookups a check-in makes.
    /// One pass over the bytes, no per-line arrays (splitting lines and fields was 7 % of a
    /// `lanyard checkin` process).
    public init(csv: String) {
        var csv = csv
        var names: [UInt8] = []
        var pairs: [(a: Range<Int>, b: Range<Int>)] = []
        csv.withUTF8 { bytes in
            names.reserveCapacity(bytes.count)
            let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
            let relationship = Array("has_nickname".utf8)
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                var commas = 0, first = 0, second = 0
                while lineEnd < bytes.count, bytes[lineEnd] != newline {
                    if bytes[lineEnd] == comma {
                        commas += 1
                        if commas == 1 { first = lineEnd } else if commas == 2 { second = lineEnd }
                    }
                    lineEnd += 1
                }
                defer { lineStart = lineEnd + 1 }
                guard commas == 2, bytes[(first + 1)..<second].elementsEqual(relationship) else { continue }
                let start = names.count
                guard Self.appendFolded(bytes[lineStart..<first], to: &names) else { continue }
                let a = start..<names.count
                guard Self.appendFolded(bytes[(second + 1)..<lineEnd], to: &names),
                      !names[a].elementsEqual(names[a.upperBound...]) else {
                    names.removeSubrange(start...)
                    continue
                }
                pairs.append((a, a.upperBound..<names.count))
            }
        }
        self.names = names
        self.pairs = pairs
    }

    /// Appends `field` without surrounding blanks or CR, folded; false (nothing appended) when
    /// it is empty.
    private static func appendFolded(_ field: Slice<UnsafeBufferPointer<UInt8>>, to names: inout [UInt8]) -> Bool {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let first = field.firstIndex(where: { !blank($0) }), let last = field.lastIndex(where: { !blank($0) }) else { return false }
        let bytes = field[first...last]
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for byte in bytes { names.append(byte.asciiLowercased) }
            return true
        }
        let folded = TextFolding.fold(String(decoding: bytes, as: UTF8.self)).utf8
        names.append(contentsOf: folded)
        return !folded.isEmpty
    }

    /// The names `name` is a nickname of, or that are nicknames of it (folded, lower case).
    public func equivalents(of name: String) -> Set<String> {
        Set(neighbors(of: name))
    }

    /// True when one name is a listed nickname of the other.
    public func areNicknames(_ a: String, _ b: String) -> Bool {
        a != b && neighbors(of: a).contains(b)
    }

    /// How many names the table knows.
    public var count: Int {
        Set(pairs.flatMap { [names[$0.a], names[$0.b]] }.map { Array($0) }).count
    }

    /// The listed neighbours of `name` (a scan of the pairs the first time, then remembered),
    /// less the pairs of `distinctNames`.
    private func neighbors(of name: String) -> [String] {
        if let known = found.withLock({ $0[name] }) { return known }
        let key = Array(name.utf8)
        var result: [String] = []
        for pair in pairs {
            let other: Range<Int>
            if names[pair.a].elementsEqual(key) {
                other = pair.b
            } else if names[pair.b].elementsEqual(key) {
                other = pair.a
            } else {
                continue
            }
            let neighbour = String(decoding: names[other], as: UTF8.self)
            if !result.contains(neighbour), !Self.distinctNames.contains(Self.pairKey(name, neighbour)) { result.append(neighbour) }
        }
        found.withLock { $0[name] = result }
        return result
    }

    static func pairKey(_ a: String, _ b: String) -> String {
        a < b ? "\(a)|\(b)" : "\(b)|\(a)"
    }

    static func bundledCSV() -> String {
        // Beside the executable first, where SwiftPM puts the module's resources: asking
        // `Bundle.module` makes Foundation create the main bundle, which lists the
        // executable's whole folder (a few milliseconds of every `lanyard` process).
        if let data = besideExecutable("Lanyard_LanyardEvents.resources/nicknames.csv") {
            return String(decoding: data, as: UTF8.self)
        }
        guard let url = moduleCSVURL(), let data = try? Data(contentsOf: url) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The table in the module's resource bundle.
    static func moduleCSVURL() -> URL? {
        Bundle.module.url(forResource: "nicknames", withExtension: "csv")
    }

    /// The file at `relativePath` in the running executable's folder, when it is there.
    static func besideExecutable(_ relativePath: String) -> Data? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4_096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let executable = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        return FileManager.default.contents(atPath: executable[...slash] + relativePath)
        #else
        return nil
        #endif
    }
}
