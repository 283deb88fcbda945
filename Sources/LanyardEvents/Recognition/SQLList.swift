import Foundation

/// Lists passed to SQL as one JSON argument (`IN (SELECT value FROM json_each(?))`), so that
/// statements keep one shape and can be prepared once and cached.
enum SQLList {
    /// `["a","b"]` with JSON string escaping.
    static func json(_ values: [String]) -> String {
        var out = "["
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// `[1,2,3]`.
    static func json(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
