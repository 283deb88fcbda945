import Foundation

extension MailMessage {
    /// The RFC 2822 date format, always in English (`Tue, 22 Aug 2017 14:08:43 +0000`).
    public static func formatDate(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// The exact bytes to send: headers, a blank line, the quoted-printable body; CRLF line ends,
    /// no line over 998 octets.
    public func rendered(timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws -> Data {
        var lines: [String] = []
        lines.append("Date: " + Self.formatDate(date, timeZone: timeZone))
        lines.append(Self.folded(name: "From", tokens: Self.addressTokens(from)))
        lines.append(Self.folded(name: "To", tokens: Self.addressTokens(to)))
        let subjectTokens = HeaderEncoding.isPlainASCII(subject) && subject.utf8.count <= 900
            ? subject.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            : HeaderEncoding.encodedWords(subject)
        lines.append(Self.folded(name: "Subject", tokens: subjectTokens))
        lines.append("Message-ID: " + messageID)
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=UTF-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        var text = lines.joined(separator: "\r\n") + "\r\n\r\n" + HeaderEncoding.quotedPrintable(body)
        if !text.hasSuffix("\r\n") { text += "\r\n" }
        let data = Data(text.utf8)
        try Self.checkLineLengths(data)
        return data
    }

    /// Throws `MailError.lineTooLong` for the first line over 998 octets (CRLF excluded).
    static func checkLineLengths(_ data: Data) throws {
        var length = 0, line = 1
        for byte in data {
            if byte == 10 { length = 0; line += 1; continue }
            if byte != 13 { length += 1 }
            if length > 998 { throw MailError.lineTooLong(line: line, length: length) }
        }
    }

    static func addressTokens(_ mailbox: MailAddress) -> [String] {
        guard let name = mailbox.name else { return [mailbox.address] }
        return HeaderEncoding.displayName(name) + ["<\(mailbox.address)>"]
    }

    /// `Name: token token ...`, folded with CRLF + space before a token that would pass 78 columns.
    static func folded(name: String, tokens: [String]) -> String {
        var result = name + ":"
        var column = result.utf8.count
        for token in tokens {
            let width = token.utf8.count + 1
            if column + width > 78, column > name.utf8.count + 1, !token.isEmpty {
                result += "\r\n " + token
                column = width
            } else {
                result += " " + token
                column += width
            }
        }
        return result
    }
}
