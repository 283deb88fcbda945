import Foundation

/// A small, independent reader of captured messages: unfolds headers, decodes RFC 2047
/// B-encoded words and a quoted-printable body, so tests check what a mail client would see.
public struct ParsedMessage: Sendable {
    public var rawHeaderLines: [String]
    public var headers: [String: String]
    public var body: String
    public var rawBody: String

    public init(_ data: Data) throws {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ParseError.noBlankLine }
        let head = String(text[..<split.lowerBound])
        rawBody = String(text[split.upperBound...])
        rawHeaderLines = head.components(separatedBy: "\r\n")
        var unfolded: [String] = []
        for line in rawHeaderLines {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !unfolded.isEmpty {
                unfolded[unfolded.count - 1] += line
            } else {
                unfolded.append(line)
            }
        }
        headers = [:]
        for line in unfolded {
            guard let colon = line.firstIndex(of: ":") else { throw ParseError.badHeader(line) }
            headers[String(line[..<colon]).lowercased()] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        body = try Self.decodeQuotedPrintable(rawBody)
    }

    enum ParseError: Error { case noBlankLine, badHeader(String), badEncoding(String) }

    /// A header with encoded words decoded (adjacent encoded words join without their space).
    public func decoded(_ name: String) throws -> String? {
        guard let value = headers[name.lowercased()] else { return nil }
        return try Self.decodeWords(value)
    }

    public static func decodeWords(_ value: String) throws -> String {
        var output = ""
        var previousWasEncoded = false
        for (i, token) in value.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if token.hasPrefix("=?UTF-8?B?"), token.hasSuffix("?=") {
                let payload = token.dropFirst(10).dropLast(2)
                guard let data = Data(base64Encoded: String(payload)) else { throw ParseError.badEncoding(String(token)) }
                if i > 0, !previousWasEncoded { output += " " }
                output += String(decoding: data, as: UTF8.self)
                previousWasEncoded = true
            } else {
                if i > 0 { output += " " }
                output += token
                previousWasEncoded = false
            }
        }
        return output
    }

    public static func decodeQuotedPrintable(_ text: String) throws -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var i = 0
        while i < input.count {
            let b = input[i]
            if b == UInt8(ascii: "=") {
                if i + 2 < input.count, input[i + 1] == 13, input[i + 2] == 10 { i += 3; continue }
                guard i + 2 < input.count, let v = UInt8(String(decoding: input[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
                else { throw ParseError.badEncoding("=" + String(decoding: input[(i + 1)...], as: UTF8.self).prefix(4)) }
                bytes.append(v)
                i += 3
            } else {
                bytes.append(b)
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
