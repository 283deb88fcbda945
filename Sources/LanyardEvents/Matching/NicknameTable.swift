import Foundation

/// Given names and their nicknames (Robert ↔ Bob, Elizabeth ↔ Liz), from the shipped
/// `nicknames.csv`. Loaded once, lazily and thread-safely, on first use.
public final class NicknameTable: Sendable {
    /// The table shipped with the module.
    public static let shared = NicknameTable(csv: NicknameTable.bundledCSV())

    /// Pairs the source lists as nicknames that are in fact distinct given names: Emma is not
    /// Emily, Jean is not Jane.
    static let distinctNames: Set<String> = [
        "emily|emma", "amelia|emily", "jane|jean", "anna|hannah", "frances|francis", "emeline|emma",
    ]

    /// Names of `distinctNames`, so most lines skip building a pair key.
    static let distinctMembers = Set(distinctNames.flatMap { $0.split(separator: "|").map(String.init) })

    private let neighbors: [String: [String]]

    /// Builds the table from `name1,has_nickname,name2` lines (a header line is skipped).
    /// Reads bytes, not Characters: the table is built on every `lanyard checkin`, so its cost
    /// is start-up time (Foundation trimming of 5,000 fields cost ~15 ms).
    public init(csv: String) {
        var neighbors: [String: [String]] = [:]
        neighbors.reserveCapacity(2_048)
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        for line in csv.utf8.split(separator: newline) {
            let fields = line.split(separator: comma, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[1].elementsEqual("has_nickname".utf8) else { continue }
            let a = Self.folded(fields[0]), b = Self.folded(fields[2])
            guard !a.isEmpty, !b.isEmpty, a != b else { continue }
            if Self.distinctMembers.contains(a), Self.distinctNames.contains(Self.pairKey(a, b)) { continue }
            neighbors[a, default: []].append(b)
            neighbors[b, default: []].append(a)
        }
        self.neighbors = neighbors
    }

    /// A field without surrounding blanks or CR, folded (ASCII: lower-cased byte by byte).
    static func folded(_ field: Substring.UTF8View) -> String {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        guard let start = field.firstIndex(where: { !blank($0) }), let end = field.lastIndex(where: { !blank($0) }) else { return "" }
        let bytes = field[start...end]
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return TextFolding.fold(String(Substring(bytes))) }
        if !bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { return String(Substring(bytes)) }
        return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The names `name` is a nickname of, or that are nicknames of it (folded, lower case).
    public func equivalents(of name: String) -> Set<String> {
        Set(neighbors[name] ?? [])
    }

    /// True when one name is a listed nickname of the other.
    public func areNicknames(_ a: String, _ b: String) -> Bool {
        a != b && (neighbors[a]?.contains(b) ?? false)
    }

    /// How many names the table knows.
    public var count: Int { neighbors.count }

    static func pairKey(_ a: String, _ b: String) -> String {
        a < b ? "\(a)|\(b)" : "\(b)|\(a)"
    }

    static func bundledCSV() -> String {
        guard let url = Bundle.module.url(forResource: "nicknames", withExtension: "csv"),
              let data = try? Data(contentsOf: url)
        else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
