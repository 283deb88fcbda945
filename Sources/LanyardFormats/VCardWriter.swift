import Foundation

/// Writes vCard 4.0 (RFC 6350): TEXT escaped, lines folded at 75 octets on UTF-8 boundaries,
/// CRLF line ends. Tags become CATEGORIES; the LinkedIn profile a URL with TYPE=linkedin.
public enum VCardWriter {
    /// Labels written as a TYPE value; any other label is written as an `X-` TYPE.
    static let knownTypes: Set<String> = ["work", "home", "cell", "voice", "fax", "pager", "text", "video", "textphone", "main", "iphone", "mobile", "other"]

    /// Several cards, one after the other.
    public static func write(_ cards: [(card: ContactCard, uid: String?)]) -> String {
        cards.map { write($0.card, uid: $0.uid) }.joined()
    }

    /// One card. `uid` becomes UID (a stable `urn:uuid:` or other URI) when given.
    public static func write(_ card: ContactCard, uid: String? = nil, revision: Date? = nil) -> String {
        let e = ContentLineWriter.escapeText
        var out = "BEGIN:VCARD\r\nVERSION:4.0\r\n"
        func add(_ name: String, _ parameters: [(String, String)], _ value: String) {
            out += ContentLineWriter.line(name, parameters: parameters, value: value)
        }
        func add(_ name: String, _ value: String) {
            out += ContentLineWriter.line(name, value: value)
        }
        if let uid { add("UID", uid) }
        add("FN", e(card.displayName ?? card.emails.first?.value ?? card.organization ?? "Unnamed"))
        let n = [card.familyName, card.givenName, card.middleName, card.prefix, card.suffix].map { e($0 ?? "") }
        add("N", n.joined(separator: ";"))
        if let nickname = card.nickname { add("NICKNAME", e(nickname)) }
        for email in card.emails { add("EMAIL", typeParameters(email.label), e(email.value)) }
        for phone in card.phones { add("TEL", typeParameters(phone.label, phone: true), e(phone.value)) }
        if card.organization != nil || !card.organizationUnits.isEmpty {
            add("ORG", ([card.organization ?? ""] + card.organizationUnits).map(e).joined(separator: ";"))
        }
        if let title = card.title { add("TITLE", e(title)) }
        if let linkedin = card.linkedinURL { add("URL", [("TYPE", "linkedin")], linkedin) }
        for url in card.urls { add("URL", typeParameters(url.label), url.value) }
        if let birthday = card.birthday { add("BDAY", birthday.replacingOccurrences(of: "-", with: "").count == 8 ? birthday.replacingOccurrences(of: "-", with: "") : birthday) }
        if let address = card.address { add("ADR", [("LABEL", address.replacingOccurrences(of: "\n", with: ", "))], ";;" + e(address.replacingOccurrences(of: "\n", with: ", ")) + ";;;;") }
        if let note = card.note { add("NOTE", e(note)) }
        if !card.categories.isEmpty { add("CATEGORIES", card.categories.map(e).joined(separator: ",")) }
        if let revision {
            let stamp = ICalDateTime.utc(revision)
            add("REV", stamp.text)
        }
        out += "END:VCARD\r\n"
        return out
    }

    /// `TYPE=work`, `TYPE=cell` (mobile → cell), or `TYPE=x-conference` for a free label.
    static func typeParameters(_ label: String?, phone: Bool = false) -> [(String, String)] {
        guard let raw = label?.trimmingWhitespace(.whitespaces).lowercased(), !raw.isEmpty else { return [] }
        let label = (phone && (raw == "mobile" || raw == "iphone")) ? "cell" : raw
        if knownTypes.contains(label) { return [("TYPE", label)] }
        let token = label.unicodeScalars.map { $0.isASCII && CharacterSet.alphanumerics.contains($0) ? String($0) : "-" }.joined()
        return [("TYPE", "x-" + token)]
    }
}
