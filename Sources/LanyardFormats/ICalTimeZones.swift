import Foundation

/// Turns iCalendar TZIDs into IANA time zone identifiers that `TimeZone(identifier:)` knows.
public enum ICalTimeZones {
    /// `Europe/Berlin` as is; a vendor-prefixed `/mozilla.org/20070129_1/America/New_York` or
    /// `/Europe/Stockholm` by its longest known suffix; nil when nothing matches.
    public static func ianaIdentifier(for tzid: String) -> String? {
        let trimmed = tzid.trimmingWhitespace(.whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if TimeZone(identifier: trimmed) != nil { return trimmed }
        let parts = trimmed.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        for start in parts.indices {
            let candidate = parts[start...].joined(separator: "/")
            if TimeZone(identifier: candidate) != nil { return candidate }
        }
        return nil
    }

    /// Resolves `tzid` by name first, then by its VTIMEZONE: X-LIC-LOCATION, else a fixed zone
    /// at the standard offset (`GMT+1100` for `TZOFFSETTO:+1100`).
    static func resolve(_ tzid: String, definitions: [String: ICalendarReader.TimeZoneDefinition]) -> String? {
        if let zone = ianaIdentifier(for: tzid) { return zone }
        guard let definition = definitions[tzid] else { return nil }
        if let location = definition.location, let zone = ianaIdentifier(for: location) { return zone }
        guard let offset = definition.standardOffsets.last ?? definition.daylightOffsets.last,
              let fixed = TimeZone(secondsFromGMT: offset),
              TimeZone(identifier: fixed.identifier) != nil
        else { return nil }
        return fixed.identifier
    }

    /// `+0530` → 19800; `-0300` → -10800.
    static func seconds(ofOffset text: String) -> Int? {
        let digits = text.dropFirst().compactMap { $0.wholeNumberValue }
        guard digits.count == 4 || digits.count == 6 else { return nil }
        let value = (digits[0] * 10 + digits[1]) * 3600 + (digits[2] * 10 + digits[3]) * 60 + (digits.count == 6 ? digits[4] * 10 + digits[5] : 0)
        return text.hasPrefix("-") ? -value : value
    }
}
