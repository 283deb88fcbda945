import Foundation

/// LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your data): a
/// "Notes:" preamble, then `First Name,Last Name,URL,Email Address,Company,Position,Connected On`.
public enum LinkedInConnections {
    static let format = "LinkedIn CSV"
    static let headerPrefix = "First Name,Last Name"

    /// Reads every row into a contact; rows that cannot be used are listed in `rejected` with
    /// their line. Throws when the file is not a LinkedIn export at all.
    public static func read(_ text: String) throws -> CSVContacts {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // Find the header line after the preamble.
        var lineNumber = 1
        var headerIndex: Substring.Index?
        var index = body.startIndex
        while index < body.endIndex {
            let lineEnd = body[index...].firstIndex(where: \.isNewline) ?? body.endIndex
            let line = body[index..<lineEnd].drop(while: { $0 == "\u{FEFF}" || $0 == "\"" })
            if line.hasPrefix(headerPrefix) { headerIndex = index; break }
            lineNumber += 1
            index = lineEnd < body.endIndex ? body.index(after: lineEnd) : lineEnd
        }
        guard let headerIndex else {
            throw FormatError(format: format, line: nil, field: nil,
                              message: "no header line \"First Name,Last Name,URL,Email Address,Company,Position,Connected On\" found: is this LinkedIn's Connections.csv?")
        }
        let (header, records) = try CSVRecords.read(String(body[headerIndex...]), firstLine: lineNumber, format: format)
        func column(_ name: String) -> Int? { header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame } }
        let first = column("First Name"), last = column("Last Name"), url = column("URL"),
            email = column("Email Address"), company = column("Company"), position = column("Position"),
            connected = column("Connected On")

        var result = CSVContacts()
        result.contacts.reserveCapacity(records.count)
        for record in records {
            func value(_ column: Int?) -> String {
                guard let column, column < record.fields.count else { return "" }
                return record.fields[column].trimmingWhitespace(.whitespacesAndNewlines)
            }
            func reject(_ field: String?, _ message: String) {
                result.rejected.append(FormatError(format: format, line: record.line, field: field, message: message))
            }
            if record.fields.count > header.count {
                reject(nil, "\(record.fields.count) fields where the header has \(header.count) (a comma in an unquoted value?)")
                continue
            }
            var card = ContactCard()
            card.givenName = nonEmpty(value(first))
            card.familyName = nonEmpty(value(last))
            card.fullName = card.givenName.map { given in card.familyName.map { "\(given) \($0)" } ?? given } ?? card.familyName
            card.linkedinURL = nonEmpty(value(url))
            card.organization = nonEmpty(value(company))
            card.title = nonEmpty(value(position))
            let address = value(email)
            if !address.isEmpty {
                guard address.utf8.contains(UInt8(ascii: "@")), !address.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) else {
                    reject("Email Address", "\"\(address.prefix(60))\" is not an email address")
                    continue
                }
                card.emails = [ContactCard.Labeled(address)]
            }
            guard card.fullName != nil || card.linkedinURL != nil || !card.emails.isEmpty else {
                reject(nil, "no name, URL or email: nothing to know this person by")
                continue
            }
            var connectedOn: String?
            let date = value(connected)
            if !date.isEmpty {
                guard let day = parseDay(date) else {
                    reject("Connected On", "\"\(date.prefix(30))\" is not a date like 01 Jan 2024")
                    continue
                }
                connectedOn = day
            }
            result.contacts.append(CSVContact(card: card, line: record.line, row: record.row, connectedOn: connectedOn))
        }
        return result
    }

    static let months: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }

    /// `01 Jan 2024` (also `1 January 2024`) → `2024-01-01`; nil for anything else.
    public static func read(day text: String) -> String? { parseDay(text) }

    static func parseDay(_ text: String) -> String? {
        let parts = text.utf8.split(separator: 0x20)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), parts[1].count >= 3 else { return nil }
        func number(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
            var value = 0
            for b in bytes { guard b >= 48, b <= 57 else { return nil }; value = value * 10 + Int(b - 48) }
            return value
        }
        let name = parts[1].prefix(3).map { $0 | 0x20 } // ASCII lower-case
        guard let day = number(parts[0]), let year = number(parts[2]),
              let month = months.firstIndex(of: Array(name)).map({ $0 + 1 }),
              day >= 1, day <= ICalDateTime.daysIn(month: month, year: year)
        else { return nil }
        let digits: (Int, Int) -> String = { value, width in
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))"
    }
}

/// nil for an empty string.
func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
}
