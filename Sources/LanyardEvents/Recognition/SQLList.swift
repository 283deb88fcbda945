import Foundation

/// Lists passed to SQL as one JSON argument (`IN (SELECT value FROM json_each(?))`), so that
/// statements keep one shape and can be prepared once and cached.
enum SQLList {
    /// `[1,2,3]`.
    static func json(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
