import Foundation

/// Quoted-printable decoding (RFC 2045) as vCard 2.1 uses it, with its CHARSET parameter.
public enum QuotedPrintable {
    /// Decodes `=C3=91=20` escapes into bytes, then the bytes as `charset` (UTF-8 when absent
    /// or unknown, ISO 8859-1 when the bytes are not valid UTF-8). Soft breaks are already joined.
    public static func decode(_ value: String, charset: String?) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        let input = Array(value.utf8)
        var i = 0
        while i < input.count {
            let c = input[i]
            if c == UInt8(ascii: "="), i + 2 < input.count,
               let high = hexValue(input[i + 1]), let low = hexValue(input[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
            } else {
                bytes.append(c)
                i += 1
            }
        }
        return string(from: bytes, charset: charset)
    }

    /// Decodes bytes in a named character set.
    public static func string(from bytes: [UInt8], charset: String?) -> String {
        let data = Data(bytes)
        switch charset?.lowercased() {
        case "iso-8859-1", "latin1", "iso_8859-1", "l1":
            return String(data: data, encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
        case "windows-1252", "cp1252":
            return String(data: data, encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        case "us-ascii", "ascii":
            return String(data: data, encoding: .ascii) ?? String(decoding: bytes, as: UTF8.self)
        default:
            if let text = String(data: data, encoding: .utf8) { return text }
            return String(data: data, encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 65...70: c - 55
        case 97...102: c - 87
        default: nil
        }
    }
}
