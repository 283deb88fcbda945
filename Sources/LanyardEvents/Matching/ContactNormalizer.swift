import Foundation
import LanyardFormats

/// The matching keys of contact details: two check-ins are compared by these, never by the
/// text as typed.
public enum ContactNormalizer {
    // MARK: - Email

    /// "Liz+SwiftConf@ACME.com " → "liz@acme.com"; nil when it is not an email address.
    public static func email(_ text: String) -> String? {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? emailASCII(text) : emailText(text)
    }

    /// `email` over Characters: any text.
    static func emailText(_ text: String) -> String? {
        var value = text.trimmingWhitespace(.whitespacesAndNewlines).lowercased()
        if value.hasPrefix("mailto:") { value = String(value.dropFirst(7)) }
        guard isValidEmail(value), let at = value.lastIndex(of: "@") else { return nil }
        var local = String(value[..<at])
        if let plus = local.firstIndex(of: "+"), plus != local.startIndex { local = String(local[..<plus]) }
        return local + String(value[at...])
    }

    /// `email` for ASCII text, on its bytes (an import normalises every address of every
    /// contact; the Character operations cost about 14,500 instructions an address): the same
    /// trimming, lower-casing, `mailto:`, validity and `+tag` rules.
    static func emailASCII(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        let trimmed = bytes.asciiWhitespaceTrimmed
        var start = trimmed.lowerBound
        let end = trimmed.upperBound
        for i in start..<end { bytes[i] = bytes[i].asciiLowercased }
        if bytes[start..<end].starts(with: "mailto:".utf8) { start += 7 }
        // Valid: one `@` with something before it, a domain of 3 or more with two or more
        // labels, none empty, and no forbidden byte.
        var at: Int?
        for i in start..<end {
            let byte = bytes[i]
            if forbiddenASCII[Int(byte)] { return nil }
            if byte == UInt8(ascii: "@") {
                guard at == nil else { return nil }
                at = i
            }
        }
        guard let at, at > start, end - (at + 1) >= 3 else { return nil }
        let domain = bytes[(at + 1)..<end]
        guard domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."), domain.last != UInt8(ascii: "."),
              !zip(domain, domain.dropFirst()).contains(where: { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") })
        else { return nil }
        var localEnd = at
        if let plus = bytes[start..<at].firstIndex(of: UInt8(ascii: "+")), plus != start { localEnd = plus }
        return String(decoding: bytes[start..<localEnd] + bytes[at..<end], as: UTF8.self)
    }

    /// One `@`, something before it, a dotted domain after it, no spaces or angle brackets.
    public static func isValidEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3 else { return false }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII ? !forbiddenASCII[Int($0.value)] : !forbiddenInEmail.contains($0) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// What an email address never holds (built once: building a CharacterSet is costly).
    static let forbiddenInEmail = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "<>()[],;:\"\\"))
    /// `forbiddenInEmail` for the 128 ASCII scalars, as a table (CharacterSet lookups are slow).
    static let forbiddenASCII: [Bool] = (0..<128).map { forbiddenInEmail.contains(Unicode.Scalar(UInt8($0))) }

    /// The domain of a normalised email ("acme.com").
    public static func domain(ofEmail email: String) -> String? {
        email.lastIndex(of: "@").map { String(email[email.index(after: $0)...]) }
    }

    /// Mail providers whose domain says nothing about an employer.
    static let freeMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net",
        "web.de", "mail.com", "fastmail.com", "hey.com", "yandex.ru", "qq.com", "163.com", "orange.fr", "free.fr",
    ]

    /// True for gmail.com, outlook.com and the like.
    public static func isFreeMail(domain: String) -> Bool {
        freeMailDomains.contains(domain)
    }

    // MARK: - Phone

    /// "+1 (415) 555-0134" and "415.555.0134" → "155550134": the digits, extension dropped,
    /// keeping the last nine so that a country code or trunk 0 does not matter. Nil when fewer
    /// than five digits.
    public static func phone(_ text: String) -> String? {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? phoneASCII(text) : phoneText(text)
    }

    /// What an extension or a second number starts with.
    static let phoneMarkers = ["ext", "x", "#", ";", ","]

    /// `phone` over Characters: any text.
    static func phoneText(_ text: String) -> String? {
        var value = Substring(text.lowercased())
        for marker in phoneMarkers {
            if let range = value.firstRange(of: marker), value[..<range.lowerBound].contains(where: \.isNumber) {
                value = value[..<range.lowerBound]
            }
        }
        let digits = String(value.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        guard digits.count >= 5 else { return nil }
        return digits.count > 9 ? String(digits.suffix(9)) : digits
    }

    /// `phone` for ASCII text, over bytes: the same result (ASCII numbers are the digits).
    static func phoneASCII(_ text: String) -> String? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        let bytes = text.utf8.map(\.asciiLowercased)
        var end = bytes.count
        for marker in phoneMarkers {
            let pattern = Array(marker.utf8)
            guard end >= pattern.count,
                  let at = (0...(end - pattern.count)).first(where: { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) })
            else { continue }
            if bytes[..<at].contains(where: isDigit) { end = at }
        }
        let digits = bytes[..<end].filter(isDigit)
        guard digits.count >= 5 else { return nil }
        return String(decoding: digits.suffix(9), as: UTF8.self)
    }

    // MARK: - LinkedIn

    /// The canonical profile key (`linkedin.com/in/x`), or nil.
    public static func linkedin(_ text: String) -> String? {
        LinkedInProfile.key(for: text)
    }

    // MARK: - Company

    /// Legal-form words dropped from company names.
    static let legalForms: Set<String> = [
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp", "ltd", "limited",
        "gmbh", "mbh", "ag", "se", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "pty", "pte", "oy", "ab",
        "as", "kg", "kgaa", "ug", "ohg", "the",
    ]

    /// "ACME, Inc." and "Acme" → "acme"; "Müller GmbH & Co. KG" → "mueller". Nil when empty.
    public static func company(_ text: String) -> String? {
        var words = TextFolding.words(text.utf8.contains(UInt8(ascii: "&")) ? text.replacingOccurrences(of: "&", with: " ") : text)
        while words.count > 1, let last = words.last, legalForms.contains(last) { words.removeLast() }
        while words.count > 1, let first = words.first, first == "the" { words.removeFirst() }
        let key = words.joined(separator: " ")
        return key.isEmpty ? nil : key
    }
}
