import Foundation

/// Google Contacts CSV exports, both header generations: the older one (`Name,Given Name,
/// Additional Name,Family Name,...,Group Membership,E-mail 1 - Type,E-mail 1 - Value,...`)
/// and the current one (`First Name,Middle Name,Last Name,...,Labels,E-mail 1 - Label,...`).
/// Several values in one cell are separated by ` ::: `; notes may span lines.
public enum GoogleContactsCSV {
    static let format = "Google CSV"

    /// Which header generation a file has.
    public enum Generation: String, Sendable {
        case legacy, current
    }

    /// Reads every row into a contact; rows that cannot be used are listed in `rejected` with
    /// their line. Throws when the file is not a Google Contacts export.
    public static func read(_ text: String) throws -> CSVContacts {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let (header, records) = try CSVRecords.read(body, firstLine: 1, format: format)
        let generation: Generation
        if header.contains("Given Name") { generation = .legacy }
        else if header.contains("First Name") { generation = .current }
        else {
            throw FormatError(format: format, line: 1, field: nil, message: "no \"First Name\" or \"Given Name\" column: is this a Google Contacts CSV export?")
        }
        let columns = Dictionary(header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let slots = multiValueSlots(header)
        func names(_ legacy: String, _ current: String) -> String { generation == .legacy ? legacy : current }

        var result = CSVContacts()
        for record in records {
            func value(_ name: String) -> String {
                guard let index = columns[name], index < record.fields.count else { return "" }
                return record.fields[index].trimmingWhitespace(.whitespacesAndNewlines)
            }
            func values(_ index: Int?) -> [String] {
                guard let index, index < record.fields.count else { return [] }
                return splitValues(record.fields[index])
            }
            if record.fields.count > header.count {
                result.rejected.append(FormatError(format: format, line: record.line, field: nil,
                    message: "\(record.fields.count) fields where the header has \(header.count)"))
                continue
            }
            var card = ContactCard()
            card.givenName = nonEmpty(value(names("Given Name", "First Name")))
            card.middleName = nonEmpty(value(names("Additional Name", "Middle Name")))
            card.familyName = nonEmpty(value(names("Family Name", "Last Name")))
            card.prefix = nonEmpty(value("Name Prefix"))
            card.suffix = nonEmpty(value("Name Suffix"))
            card.nickname = nonEmpty(value("Nickname"))
            card.fullName = generation == .legacy ? nonEmpty(value("Name")) : nil
            if card.fullName == nil { card.fullName = card.displayName }
            card.organization = nonEmpty(value(names("Organization 1 - Name", "Organization Name")))
            card.title = nonEmpty(value(names("Organization 1 - Title", "Organization Title")))
            if let unit = nonEmpty(value(names("Organization 1 - Department", "Organization Department"))) { card.organizationUnits = [unit] }
            card.birthday = nonEmpty(value("Birthday"))
            card.note = nonEmpty(value("Notes"))
            card.categories = splitValues(value(names("Group Membership", "Labels")))
                .map { $0.hasPrefix("* ") ? String($0.dropFirst(2)) : $0 }
                .filter { $0.caseInsensitiveCompare("myContacts") != .orderedSame && !$0.isEmpty }

            var badEmail: String?
            for slot in slots {
                let labels = values(slot.label).map(normalizedLabel)
                for (i, item) in values(slot.value).enumerated() {
                    let label = labels.indices.contains(i) ? labels[i] : labels.first
                    switch slot.kind {
                    case "E-mail":
                        if !item.contains("@") || item.contains(where: \.isWhitespace) { badEmail = item }
                        card.emails.append(.init(item, label: label))
                    case "Phone": card.phones.append(.init(item, label: label))
                    case "Website":
                        if card.linkedinURL == nil, item.lowercased().contains("linkedin.com/") { card.linkedinURL = item }
                        else { card.urls.append(.init(item, label: label)) }
                    case "Address": if card.address == nil { card.address = item }
                    default: break
                    }
                }
            }
            if let badEmail {
                result.rejected.append(FormatError(format: format, line: record.line, field: "E-mail", message: "\"\(badEmail.prefix(60))\" is not an email address"))
                continue
            }
            guard card.fullName != nil || !card.emails.isEmpty || !card.phones.isEmpty || card.organization != nil else {
                result.rejected.append(FormatError(format: format, line: record.line, field: nil, message: "no name, email, phone or organization"))
                continue
            }
            result.contacts.append(CSVContact(card: card, line: record.line, row: record.row))
        }
        return result
    }

    /// A numbered group of columns: `E-mail 2 - Type`/`- Label` and `E-mail 2 - Value`.
    struct Slot {
        var kind: String
        var number: Int
        var label: Int?
        var value: Int?
    }

    static func multiValueSlots(_ header: [String]) -> [Slot] {
        var slots: [String: Slot] = [:]
        for (index, name) in header.enumerated() {
            // "<Kind> <n> - <Part>"
            guard let dash = name.range(of: " - ") else { continue }
            let head = name[..<dash.lowerBound], part = name[dash.upperBound...]
            guard let space = head.lastIndex(of: " "), let number = Int(head[head.index(after: space)...]) else { continue }
            let kind = String(head[..<space])
            guard ["E-mail", "Phone", "Website", "Address"].contains(kind) else { continue }
            let key = "\(kind) \(number)"
            var slot = slots[key] ?? Slot(kind: kind, number: number)
            switch part {
            case "Type", "Label": slot.label = index
            case "Value": if kind != "Address" { slot.value = index }
            case "Formatted": if kind == "Address" { slot.value = index }
            default: break
            }
            slots[key] = slot
        }
        return slots.values.sorted { ($0.kind, $0.number) < ($1.kind, $1.number) }
    }

    /// `a ::: b` → `["a", "b"]`, trimmed, empty parts dropped.
    static func splitValues(_ cell: String) -> [String] {
        cell.components(separatedBy: ":::").map { $0.trimmingWhitespace(.whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// `* Work` → `work` (the star marks Google's primary value).
    static func normalizedLabel(_ label: String) -> String {
        var text = label.trimmingWhitespace(.whitespaces)
        if text.hasPrefix("* ") { text.removeFirst(2) }
        return text.lowercased()
    }
}
