import Foundation

/// Recognises LinkedIn profile URLs in all the forms people paste or QR codes hold.
public enum LinkedInProfile {
    /// The canonical key of a profile URL: `https://www.linkedin.com/in/Liz-Moreau/?trk=x`,
    /// `de.linkedin.com/in/liz-moreau` and `linkedin.com/in/liz-moreau` all give
    /// `linkedin.com/in/liz-moreau`. Nil when the text is not a LinkedIn profile URL.
    public static func key(for text: String) -> String? {
        text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "%") }) ? keyASCII(text) : keyText(text)
    }

    /// `key(for:)` over Characters: any text.
    static func keyText(_ text: String) -> String? {
        var rest = text.trimmingWhitespace(.whitespacesAndNewlines)
        guard !rest.isEmpty, !rest.utf8.contains(0x20) else { return nil }
        if let scheme = rest.firstRange(of: "://") {
            let name = rest[..<scheme.lowerBound].lowercased()
            guard name == "http" || name == "https" else { return nil }
            rest = String(rest[scheme.upperBound...])
        }
        let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
        let host = rest[..<pathStart].lowercased()
        guard host == "linkedin.com" || host.hasSuffix(".linkedin.com") else { return nil }
        var path = String(rest[pathStart...])
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return nil }
        let kind = parts[0].lowercased()
        switch kind {
        case "in":
            let slug = decoded(parts[1]).lowercased()
            guard !slug.isEmpty else { return nil }
            return "linkedin.com/in/" + slug
        case "pub":
            let rest = parts.dropFirst().prefix(4).map { decoded($0).lowercased() }
            return "linkedin.com/pub/" + rest.joined(separator: "/")
        default:
            return nil
        }
    }

    /// `key(for:)` for ASCII text without percent escapes, on its bytes (a LinkedIn export
    /// holds a profile URL on every row): the same trimming, scheme, host and path rules.
    static func keyASCII(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        let trimmed = bytes.asciiWhitespaceTrimmed
        var start = trimmed.lowerBound
        let end = trimmed.upperBound
        guard start < end, !bytes[start..<end].contains(0x20) else { return nil }
        let slash = UInt8(ascii: "/")
        if let scheme = bytes[start..<end].indices.first(where: {
            $0 + 2 < end && bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == slash && bytes[$0 + 2] == slash
        }) {
            let name = bytes[start..<scheme].map(\.asciiLowercased)
            guard name.elementsEqual("http".utf8) || name.elementsEqual("https".utf8) else { return nil }
            start = scheme + 3
        }
        let pathStart = bytes[start..<end].firstIndex(of: slash) ?? end
        let host = bytes[start..<pathStart].map(\.asciiLowercased)
        let suffix = Array(".linkedin.com".utf8)
        guard host.elementsEqual(suffix.dropFirst()) || (host.count >= suffix.count && host.suffix(suffix.count).elementsEqual(suffix))
        else { return nil }
        let pathEnd = bytes[pathStart..<end].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? end
        let parts = bytes[pathStart..<pathEnd].split(separator: slash).map { $0.map(\.asciiLowercased) }
        guard parts.count >= 2 else { return nil }
        if parts[0].elementsEqual("in".utf8) {
            return "linkedin.com/in/" + String(decoding: parts[1], as: UTF8.self)
        }
        if parts[0].elementsEqual("pub".utf8) {
            return "linkedin.com/pub/" + parts.dropFirst().prefix(4).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
        }
        return nil
    }

    /// A path part with its percent escapes decoded (as given when they are broken); Foundation
    /// is only asked when there is a `%` at all.
    static func decoded(_ part: String) -> String {
        guard part.utf8.contains(UInt8(ascii: "%")) else { return part }
        return part.removingPercentEncoding ?? part
    }

    /// The profile's URL in its canonical https form.
    public static func url(forKey key: String) -> String {
        "https://www." + key
    }

    /// A name guessed from a profile slug: `liz-moreau-4b2a19` → "Liz Moreau"; nil when the
    /// slug has fewer than two alphabetic words.
    public static func nameGuess(forKey key: String) -> String? {
        guard key.hasPrefix("linkedin.com/in/") else { return nil }
        let words = key.dropFirst("linkedin.com/in/".count)
            .split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." })
            .filter { $0.allSatisfy(\.isLetter) }
        guard words.count >= 2 else { return nil }
        return words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
