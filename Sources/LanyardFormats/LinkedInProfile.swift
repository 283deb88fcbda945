import Foundation

/// Recognises LinkedIn profile URLs in all the forms people paste or QR codes hold.
public enum LinkedInProfile {
    /// The canonical key of a profile URL: `https://www.linkedin.com/in/Liz-Moreau/?trk=x`,
    /// `de.linkedin.com/in/liz-moreau` and `linkedin.com/in/liz-moreau` all give
    /// `linkedin.com/in/liz-moreau`. Nil when the text is not a LinkedIn profile URL.
    public static func key(for text: String) -> String? {
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
