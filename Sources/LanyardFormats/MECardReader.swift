import Foundation

/// Reads a MECARD (the QR-code contact format: `MECARD:N:Doe,John;EMAIL:j@x.com;;`), with its
/// backslash escaping of `\ ; : ,`.
public enum MECardReader {
    /// Parses one MECARD. Throws when the text does not start with `MECARD:` or a field has
    /// no `NAME:`.
    public static func parse(_ text: String) throws -> ContactCard {
        let trimmed = text.trimmingWhitespace(.whitespacesAndNewlines)
        guard trimmed.count >= 7, trimmed.prefix(7).uppercased() == "MECARD:" else {
            throw FormatError(format: "MECARD", field: nil, message: "expected MECARD:N:...;;")
        }
        var card = ContactCard()
        for field in split(String(trimmed.dropFirst(7)), on: ";") where !field.isEmpty {
            let pair = split(field, on: ":", limit: 2)
            guard pair.count == 2 else {
                if field.trimmingWhitespace(.whitespacesAndNewlines).isEmpty { continue }
                throw FormatError(format: "MECARD", field: nil, message: "field \"\(field.prefix(30))\" has no NAME: before its value")
            }
            let name = pair[0].trimmingWhitespace(.whitespaces).uppercased()
            let value = unescape(pair[1]).trimmingWhitespace(.whitespacesAndNewlines)
            guard !value.isEmpty else { continue }
            switch name {
            case "N":
                let parts = split(pair[1], on: ",").map { unescape($0).trimmingWhitespace(.whitespaces) }
                if parts.count >= 2 {
                    card.familyName = parts[0].isEmpty ? nil : parts[0]
                    card.givenName = parts[1].isEmpty ? nil : parts[1]
                } else {
                    card.fullName = value
                }
            case "NICKNAME": card.nickname = value
            case "EMAIL": card.emails.append(.init(value))
            case "TEL", "TEL-AV": card.phones.append(.init(value))
            case "ORG": card.organization = value
            case "TITLE": card.title = value
            case "NOTE", "MEMO": card.note = card.note.map { $0 + "\n" + value } ?? value
            case "BDAY": card.birthday = value
            case "ADR": card.address = value
            case "URL":
                card.urls.append(.init(value))
                if card.linkedinURL == nil, LinkedInProfile.key(for: value) != nil { card.linkedinURL = value }
            default: break // SOUND and unknown fields
            }
        }
        return card
    }

    /// Splits on an unescaped separator, keeping escapes for `unescape`.
    static func split(_ text: String, on separator: Character, limit: Int = .max) -> [String] {
        ContentLines.splitList(text, separator: separator, limit: limit)
    }

    /// Removes the backslash before `\ ; : , "`.
    static func unescape(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\\")) else { return text }
        var out = ""
        var escaping = false
        for c in text {
            if escaping {
                out.append(c)
                escaping = false
            } else if c == "\\" {
                escaping = true
            } else {
                out.append(c)
            }
        }
        if escaping { out.append("\\") }
        return out
    }
}
