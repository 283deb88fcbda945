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

    private let neighbors: [String: Set<String>]

    /// Builds the table from `name1,has_nickname,name2` lines (a header line is skipped).
    public init(csv: String) {
        var neighbors: [String: Set<String>] = [:]
        for line in csv.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[1] == "has_nickname" else { continue }
            let a = TextFolding.fold(String(fields[0]).trimmingCharacters(in: .whitespaces))
            let b = TextFolding.fold(String(fields[2]).trimmingCharacters(in: .whitespaces))
            guard !a.isEmpty, !b.isEmpty, a != b, !Self.distinctNames.contains(Self.pairKey(a, b)) else { continue }
            neighbors[a, default: []].insert(b)
            neighbors[b, default: []].insert(a)
        }
        self.neighbors = neighbors
    }

    /// The names `name` is a nickname of, or that are nicknames of it (folded, lower case).
    public func equivalents(of name: String) -> Set<String> {
        neighbors[name] ?? []
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
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }
}
