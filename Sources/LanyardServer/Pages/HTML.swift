/// A piece of HTML whose interpolated values are escaped by construction: `"<p>\(name)</p>"`
/// escapes `name`; only another `HTML` value is inserted as markup.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var markup: String

    public init(stringLiteral value: String) { markup = value }

    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    /// Markup the caller vouches for (the layout's own literals).
    public init(trusted markup: String) { self.markup = markup }

    public var description: String { markup }

    /// Joins fragments.
    public static func joined(_ parts: [HTML], separator: HTML = "") -> HTML {
        HTML(trusted: parts.map(\.markup).joined(separator: separator.markup))
    }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Escaped text.
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// Escaped text; nothing for nil.
        public mutating func appendInterpolation(_ text: String?) { markup += HTML.escape(text ?? "") }

        /// A number, as text.
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// Markup built the same way.
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Several fragments, one after the other.
        public mutating func appendInterpolation(_ parts: [HTML]) { markup += parts.map(\.markup).joined() }
    }

    /// Escapes `& < > " '` so text can go in element content and quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
