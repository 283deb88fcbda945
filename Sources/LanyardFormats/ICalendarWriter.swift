import Foundation

/// Writes iCalendar (RFC 5545) text: one VCALENDAR with its VEVENTs, TEXT escaped, lines
/// folded at 75 octets, CRLF line ends.
public enum ICalendarWriter {
    /// The calendar as an .ics document. `productID` is PRODID (`-//Lanyard//Lanyard 0.1//EN`).
    public static func write(_ calendar: ICalendar, productID: String) -> String {
        var out = "BEGIN:VCALENDAR\r\n"
        out += ContentLineWriter.line("VERSION", value: "2.0")
        out += ContentLineWriter.line("PRODID", value: productID)
        out += ContentLineWriter.line("CALSCALE", value: "GREGORIAN")
        if let name = calendar.name { out += ContentLineWriter.line("X-WR-CALNAME", value: ContentLineWriter.escapeText(name)) }
        if let zone = calendar.timeZone { out += ContentLineWriter.line("X-WR-TIMEZONE", value: zone) }
        for event in calendar.events { out += write(event) }
        out += "END:VCALENDAR\r\n"
        return out
    }

    /// One VEVENT. Extensions are written in name order so the output is stable.
    public static func write(_ event: ICalEvent) -> String {
        var out = "BEGIN:VEVENT\r\n"
        func text(_ name: String, _ value: String?) {
            if let value { out += ContentLineWriter.line(name, value: ContentLineWriter.escapeText(value)) }
        }
        if let uid = event.uid { out += ContentLineWriter.line("UID", value: uid) }
        if let stamp = event.stamp { out += ContentLineWriter.line("DTSTAMP", value: stamp.text) }
        for (name, value) in [("DTSTART", event.start), ("DTEND", event.end)] {
            guard let value else { continue }
            var parameters: [(String, String)] = []
            if value.isDateOnly { parameters.append(("VALUE", "DATE")) } else if !value.isUTC, let zone = value.timeZoneID { parameters.append(("TZID", zone)) }
            out += ContentLineWriter.line(name, parameters: parameters, value: value.text)
        }
        text("SUMMARY", event.summary)
        text("DESCRIPTION", event.description)
        text("LOCATION", event.location)
        if let url = event.url { out += ContentLineWriter.line("URL", value: url) }
        if !event.categories.isEmpty {
            out += ContentLineWriter.line("CATEGORIES", value: event.categories.map(ContentLineWriter.escapeText).joined(separator: ","))
        }
        for name in event.extensions.keys.sorted() where name.hasPrefix("X-") {
            text(name, event.extensions[name])
        }
        out += "END:VEVENT\r\n"
        return out
    }
}
