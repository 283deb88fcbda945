import Foundation

/// What a badge's QR code holds: a vCard, a MECARD or a LinkedIn profile URL.
public enum CardPayload {
    /// Parses the payload into one contact, whatever its format. Throws a `FormatError` that
    /// says what was expected when the text is none of them or holds nothing usable.
    public static func parse(_ payload: String) throws -> ContactCard {
        var text = payload.trimmingWhitespace(.whitespacesAndNewlines)
        if text.first == "\u{FEFF}" { text.removeFirst() }
        guard !text.isEmpty else {
            throw FormatError(format: "card", message: "the card is empty (expected a vCard, a MECARD or a LinkedIn profile URL)")
        }
        let card: ContactCard
        let head = text.prefix(11).uppercased()
        if head.hasPrefix("BEGIN:VCARD") {
            let cards = try VCardReader.parse(text)
            guard let first = cards.first else {
                throw FormatError(format: "vCard", message: "no BEGIN:VCARD found")
            }
            card = first
        } else if head.hasPrefix("MECARD:") {
            card = try MECardReader.parse(text)
        } else if let key = LinkedInProfile.key(for: text) {
            var linked = ContactCard(fullName: LinkedInProfile.nameGuess(forKey: key))
            linked.linkedinURL = text
            card = linked
        } else {
            throw FormatError(format: "card", message: "not a vCard (BEGIN:VCARD), a MECARD (MECARD:N:...;;) or a LinkedIn profile URL (linkedin.com/in/...): \"\(text.prefix(40))\"")
        }
        guard card.displayName != nil || !card.emails.isEmpty || !card.phones.isEmpty || card.linkedinURL != nil else {
            throw FormatError(format: "card", message: "the card has no name, email, phone or LinkedIn profile")
        }
        return card
    }

    /// Reads a card file's bytes as text: UTF-8 (with or without BOM), else UTF-16 with a BOM,
    /// else ISO 8859-1.
    public static func text(from data: Data) -> String {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]),
           let text = String(data: data, encoding: .utf16) {
            return text
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        return String(data: data, encoding: .isoLatin1) ?? String(decoding: data, as: UTF8.self)
    }
}
