import Foundation

/// Writing content lines for iCalendar and vCard: TEXT escaping, parameter quoting, and
/// folding at 75 octets on UTF-8 boundaries with CRLF line ends.
public enum ContentLineWriter {
    /// Escapes a TEXT value: `\` `;` `,` and newlines (RFC 5545 §3.3.11, RFC 6350 §3.4).
    public static func escapeText(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r\n", "\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// A parameter value: quoted when it holds `;`, `:` or `,`; double quotes and control
    /// characters are dropped (they cannot be written).
    public static func parameterValue(_ value: String) -> String {
        let clean = String(value.unicodeScalars.filter { $0 != "\"" && !($0.value < 0x20 || $0.value == 0x7F) }.map(Character.init))
        return clean.contains(where: { $0 == ";" || $0 == ":" || $0 == "," }) ? "\"\(clean)\"" : clean
    }

    /// One property line, folded, ending in CRLF. `value` is written as given (escape first).
    public static func line(_ name: String, parameters: [(String, String)] = [], value: String) -> String {
        var text = name
        for (key, parameter) in parameters { text += ";\(key)=\(parameterValue(parameter))" }
        text += ":" + value
        return fold(text)
    }

    /// Folds a logical line: at most 75 octets per physical line (the leading space of a
    /// continuation counts), never splitting a UTF-8 sequence; each line ends in CRLF.
    public static func fold(_ line: String) -> String {
        var out = ""
        var width = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.unicodeScalars.append(scalar)
            width += size
        }
        return out + "\r\n"
    }
}
