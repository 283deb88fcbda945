import Foundation
@testable import LanyardEvents
import Testing

/// The table's one-pass parse against a plain reading of the same CSV (split into lines and
/// fields, each name trimmed and folded).
@Suite("Nickname table")
struct NicknameTableTests {
    /// Every name's neighbours, read the simple way.
    static func reference(_ csv: String) -> [String: Set<String>] {
        var neighbours: [String: Set<String>] = [:]
        // "\r\n" is one Character: split on both line ends.
        for line in csv.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[1] == "has_nickname" else { continue }
            let a = TextFolding.fold(fields[0].trimmingCharacters(in: [" ", "\t", "\r"]))
            let b = TextFolding.fold(fields[2].trimmingCharacters(in: [" ", "\t", "\r"]))
            guard !a.isEmpty, !b.isEmpty, a != b else { continue }
            neighbours[a, default: []].insert(b)
            neighbours[b, default: []].insert(a)
        }
        for pair in NicknameTable.distinctNames {
            let names = pair.split(separator: "|").map(String.init)
            neighbours[names[0]]?.remove(names[1])
            neighbours[names[1]]?.remove(names[0])
        }
        return neighbours
    }

    @Test("the shipped table is read from beside the executable, the same bytes as Bundle.module holds")
    func besideExecutable() throws {
        let url = try #require(NicknameTable.moduleCSVURL())
        let viaBundle = try Data(contentsOf: url)
        #if os(Linux)
        #expect(NicknameTable.besideExecutable("Lanyard_LanyardEvents.resources/nicknames.csv") == viaBundle)
        #endif
        #expect(NicknameTable.bundledCSV() == String(decoding: viaBundle, as: UTF8.self))
        #expect(viaBundle.count > 10_000)
        #expect(NicknameTable.besideExecutable("no-such-folder/nicknames.csv") == nil)
    }

    @Test("the shipped table: every name has the neighbours a plain reading gives")
    func shippedTable() {
        // Given the shipped CSV
        let csv = NicknameTable.bundledCSV()
        let table = NicknameTable(csv: csv)
        let expected = Self.reference(csv)
        #expect(expected.count > 1000)
        // Then every name it lists has the same equivalents
        for (name, neighbours) in expected {
            #expect(table.equivalents(of: name) == neighbours, "\(name)")
        }
        #expect(table.count == expected.count)
    }

    @Test("blanks, CRLF, case, accents, malformed and self-referencing lines read as a plain reading does")
    func edgeCases() {
        // Given a CSV with every kind of odd line
        let csv = "name1,relationship,name2\r\n ROBERT ,has_nickname,\tBob\r\n\n\nJosé,has_nickname,Pepe\r\n"
            + "ann,has_nickname,ann\r\nx,is_not,y\r\na,has_nickname,b,c\r\n,has_nickname,empty\r\nlone,has_nickname, \r\n"
            + "Émilie,has_nickname,Millie\nemily,has_nickname,emma\nzoë,has_nickname,zoe"
        let table = NicknameTable(csv: csv)
        let expected = Self.reference(csv)
        // Then the table agrees on every name, listed or not
        for name in ["robert", "bob", "jose", "pepe", "ann", "x", "y", "a", "b", "empty", "lone", "emilie", "millie", "emily", "emma", "zoe"] {
            #expect(table.equivalents(of: name) == expected[name, default: []], "\(name)")
        }
        #expect(table.areNicknames("robert", "bob"))
        #expect(!table.areNicknames("emily", "emma"))
    }
}
