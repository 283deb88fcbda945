import Foundation
/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost one (Jonathon → Jonathan is 1, Jhon → John is 1).
public enum EditDistance {
    /// The distance between `a` and `b`, giving up (returning `limit + 1`) once it exceeds `limit`.
    public static func between(_ a: String, _ b: String, limit: Int = 3) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if abs(s.count - t.count) > limit { return limit + 1 }
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }

    /// True when the only difference is two neighbouring letters swapped.
    public static func isTransposition(_ a: String, _ b: String) -> Bool {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        guard s.count == t.count, s != t else { return false }
        let diffs = s.indices.filter { s[$0] != t[$0] }
        return diffs.count == 2 && diffs[1] == diffs[0] + 1 && s[diffs[0]] == t[diffs[1]] && s[diffs[1]] == t[diffs[0]]
    }
}
