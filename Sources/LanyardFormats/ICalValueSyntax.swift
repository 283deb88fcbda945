import Foundation

/// Syntax checks for the RFC 5545 value types the reader validates but does not keep:
/// DURATION, UTC-OFFSET, PERIOD, date lists and RRULE.
enum ICalValueSyntax {
    /// `P15DT5H0M20S`, `-PT30M`, `P7W`: RFC 5545 §3.3.6, each number at most 6 digits.
    static func isDuration(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        guard chars.first == "P" else { return false }
        chars = chars.dropFirst()
        var number = ""
        var seenTime = false
        var units: [Character] = []
        for c in chars {
            if c.isASCII, c.isNumber {
                number.append(c)
                guard number.count <= 6 else { return false }
                continue
            }
            if c == "T" {
                guard number.isEmpty, !seenTime else { return false }
                seenTime = true
                units.append("T")
                continue
            }
            guard !number.isEmpty else { return false }
            let allowed: String = seenTime ? "HMS" : "DW"
            guard allowed.contains(c) else { return false }
            // Units in order, each once: D before T; H before M before S; W alone.
            if let last = units.last(where: { $0 != "T" }), let a = "WDHMS".firstIndex(of: last), let b = "WDHMS".firstIndex(of: c), b <= a {
                return false
            }
            units.append(c)
            number = ""
        }
        guard number.isEmpty, let last = units.last, last != "T" else { return false }
        if units.contains("W"), units.count > 1 { return false }
        return true
    }

    /// `+0100`, `-053000`: hours 00-23, minutes and seconds 00-59.
    static func isUTCOffset(_ text: String) -> Bool {
        let chars = Array(text.utf8)
        guard chars.count == 5 || chars.count == 7, chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-"),
              chars.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return false }
        let digits = chars.dropFirst().map { Int($0 - 48) }
        let hours = digits[0] * 10 + digits[1]
        let minutes = digits[2] * 10 + digits[3]
        let seconds = digits.count == 6 ? digits[4] * 10 + digits[5] : 0
        return hours < 24 && minutes < 60 && seconds < 60
    }

    /// `19970101T180000Z/19970102T070000Z` or `19970101T180000Z/PT5H30M` (dates without a
    /// time are tolerated: some producers write `19970101/19970102`).
    static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, ICalDateTime.parse(String(parts[0]), timeZoneID: nil) != nil else { return false }
        if ICalDateTime.parse(String(parts[1]), timeZoneID: nil) != nil { return true }
        return isDuration(String(parts[1]))
    }

    /// Why a comma-separated EXDATE/RDATE value is wrong, or nil when every item is a DATE,
    /// DATE-TIME or (with VALUE=PERIOD) PERIOD.
    static func dateListProblem(_ value: String, valueType: String?) -> String? {
        if value.trimmingWhitespace(.whitespaces).isEmpty { return "empty value (at least one date is needed)" }
        let items = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace(.whitespaces) }
        for item in items {
            if item.isEmpty { return "empty date in \"\(value.prefix(60))\"" }
            if valueType == "PERIOD" {
                if !isPeriod(item) { return "invalid period \"\(item.prefix(40))\" (expected START/END or START/DURATION)" }
            } else if ICalDateTime.parse(item, timeZoneID: nil) == nil {
                return "invalid date \"\(item.prefix(40))\" (expected YYYYMMDD or YYYYMMDDTHHMMSS[Z])"
            }
        }
        return nil
    }

    /// The recurrence frequencies of RFC 5545 §3.3.10.
    static let frequencies: Set<String> = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]

    /// Why an RRULE is wrong (no FREQ, an unknown FREQ, a part without `=`), or nil.
    static func recurrenceProblem(_ value: String) -> String? {
        var frequency: String?
        for part in value.split(separator: ";") {
            let trimmed = part.trimmingWhitespace(.whitespaces)
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else { return "\"\(trimmed.prefix(40))\" is not NAME=VALUE" }
            if trimmed[..<eq].uppercased() == "FREQ" { frequency = trimmed[trimmed.index(after: eq)...].uppercased() }
        }
        guard let frequency else { return "no FREQ" }
        guard frequencies.contains(frequency) else { return "unknown FREQ \"\(frequency.prefix(40))\"" }
        return nil
    }
}
