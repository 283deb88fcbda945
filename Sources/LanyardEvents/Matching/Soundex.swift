import Foundation
/// A phonetic key for a folded word, so that spelling slips (Jonathon, Jonahtan, Moreu) land
/// on the same index key. American Soundex rules, not truncated to four characters.
public enum Soundex {
    /// "jonathan" → "J535", "moreau" → "M6". Words that do not start with a Latin letter are
    /// returned unchanged.
    public static func key(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first, first.isASCII, ("a"..."z").contains(first) else { return word }
        var key = String(first).uppercased()
        var previous = code(first)
        for scalar in scalars.dropFirst() {
            let c = code(scalar)
            if c == "h" { continue } // h and w do not separate equal codes
            if c != "0", c != previous { key.append(c) }
            previous = c
        }
        return key
    }

    static func code(_ scalar: Unicode.Scalar) -> Character {
        switch scalar {
        case "b", "f", "p", "v": "1"
        case "c", "g", "j", "k", "q", "s", "x", "z": "2"
        case "d", "t": "3"
        case "l": "4"
        case "m", "n": "5"
        case "r": "6"
        case "h", "w": "h"
        default: "0"
        }
    }
}
