import Foundation

/// A compact JSON writer into a byte buffer, for documents whose shape is known in advance
/// (the briefing, the check-in answer). It writes what `LanyardJSON.encoder(pretty: false)` would: strings escaped
/// per RFC 8259 (quote, backslash and control characters; other characters as UTF-8, `/` left
/// alone), integers in decimal, dates as `LanyardJSON.timestamp`, days as `YYYY-MM-DD`. The
/// caller writes keys in the encoder's sorted order and leaves nil fields out, as it does.
public struct JSONBytes {
    /// The document so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// True after a value, so the next key or array element starts with a comma.
    private var needsComma = false

    /// An empty document, with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Structure

    /// `"key":`, preceded by a comma when needed. `key` must need no escaping.
    public mutating func key(_ key: StaticString) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// An object whose members `body` writes.
    public mutating func object(_ body: (inout JSONBytes) -> Void) {
        comma()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// An array with one element per item, each written by `element`.
    public mutating func array<S: Sequence>(_ items: S, _ element: (inout JSONBytes, S.Element) -> Void) {
        comma()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func comma() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: - Pretty printing

    /// The compact document `compact` laid out as `LanyardJSON.encoder()` (pretty) lays it out:
    /// two spaces per level, `"key" : value`, one member or element per line, and an empty
    /// array or object as an opening line, an empty line and its closing bracket.
    public static func prettyPrinted(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: depth * 2))
        }
        var i = 0
        while i < compact.count {
            let byte = compact[i]
            i += 1
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(byte)
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i < compact.count, compact[i] == close {
                    out.append(0x0A)
                    newline()
                    out.append(close)
                    i += 1
                } else {
                    depth += 1
                    newline()
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline()
            case UInt8(ascii: ":"):
                out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
            default:
                out.append(byte)
            }
        }
        return out
    }

    // MARK: - Values

    /// A string, escaped.
    public mutating func string(_ value: String) {
        comma()
        var value = value
        value.withUTF8 { appendEscaped($0) }
        needsComma = true
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        array(values) { $0.string($1) }
    }

    /// `values` as a JSON array, as text: one SQL argument for `json_each(?)`.
    public static func stringArray(_ values: some Collection<String>) -> String {
        var list = JSONBytes(capacity: values.reduce(2) { $0 + $1.utf8.count + 3 })
        list.strings(Array(values))
        return String(decoding: list.bytes, as: UTF8.self)
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        comma()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        needsComma = true
    }

    /// An integer in decimal.
    public mutating func int(_ value: Int) {
        comma()
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDigits(value.magnitude)
        } else {
            appendDigits(UInt(value))
        }
        needsComma = true
    }

    /// A day, `"2026-09-14"` (as `CalendarDay.description`).
    public mutating func day(_ day: CalendarDay) {
        comma()
        bytes.append(UInt8(ascii: "\""))
        appendPadded(day.year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day.month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day.day, width: 2)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A moment, `"2026-11-22T03:39:44Z"` (as `LanyardJSON.timestamp`: UTC, whole seconds).
    public mutating func date(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // Years 1 to 9999 by civil-date arithmetic; anything else as the general rule writes it.
        guard seconds >= -62_135_596_800, seconds < 253_402_300_800 else {
            string(LanyardJSON.timestamp(date))
            return
        }
        comma()
        let whole = Int(seconds)
        let days = CivilDays.days(seconds: whole)
        let secondOfDay = whole - days * 86_400
        let (year, month, day) = CivilDays.date(days: days)
        bytes.append(UInt8(ascii: "\""))
        appendPadded(year, width: 4)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, width: 2)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day, width: 2)
        bytes.append(UInt8(ascii: "T"))
        appendPadded(secondOfDay / 3_600, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(secondOfDay / 60 % 60, width: 2)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(secondOfDay % 60, width: 2)
        bytes.append(UInt8(ascii: "Z"))
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    // MARK: - Bytes

    private static let hex = Array("0123456789abcdef".utf8)

    /// `"text"` with `"` and `\` escaped, \b \f \n \r \t by name, other controls as \u00XX.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in text.indices {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index])) }
            runStart = index + 1
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            }
        }
        if runStart < text.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendDigits(_ value: UInt) {
        guard value >= 10 else {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        appendDigits(value / 10)
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// `value` (non-negative) with leading zeros up to `width` digits.
    private mutating func appendPadded(_ value: Int, width: Int) {
        var digits = 1
        var limit = 10
        while value >= limit, digits < 19 {
            digits += 1
            limit *= 10
        }
        for _ in digits..<max(digits, width) { bytes.append(UInt8(ascii: "0")) }
        appendDigits(UInt(value))
    }
}
