import Foundation
@testable import LanyardFormats
import Testing

@Suite("Content lines: the byte-level unfolding agrees with the character-level one")
struct ContentLinesTests {
    /// The unfolding as it was written over Characters, kept as the reference.
    static func reference(_ text: String) -> [ContentLines.Line] {
        var result: [ContentLines.Line] = []
        var current = ""
        var currentStart = 0
        var number = 0
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            if raw.isEmpty { continue }
            if let first = raw.first, first == " " || first == "\t", !result.isEmpty || !current.isEmpty {
                current += raw.dropFirst()
                continue
            }
            if !current.isEmpty { result.append(ContentLines.Line(text: current, number: currentStart)) }
            current = String(raw)
            currentStart = number
        }
        if !current.isEmpty { result.append(ContentLines.Line(text: current, number: currentStart)) }
        return result.filter { !$0.text.allSatisfy(\.isWhitespace) }
    }

    @Test("CRLF, LF, CR and mixes, folds with space and tab, BOM, blank and white-space-only lines, non-ASCII")
    func sameAsReference() {
        let samples = [
            "", "\r\n", "BEGIN:VCARD\r\nFN:Liz\r\nEND:VCARD\r\n", "A:1\nB:2\rC:3\r\n\r\nD:4",
            "\u{FEFF}BEGIN:VCARD\r\nNOTE:one\r\n  two\r\n\tthree\r\nEND:VCARD",
            " leading fold\r\nX:y", "X:y\r\n\r\n continued after a blank line", "X:y\n\u{00A0}\u{3000}\nZ:w",
            "N:Müller;José\r\n  Ünïcödé\r\nFN:名前 \r\n   \r\n\t\r\nEND", "A:1\n\rB:2\r\r\nC:3", "X:é\r\n ́combining",
            "ORG:a;b\r\n ;c\r\n", "   \r\nX:1", "NOTE:x\u{2028}y\r\nY:\u{0085}",
        ]
        for sample in samples {
            #expect(ContentLines.unfold(sample) == Self.reference(sample), "\(sample.debugDescription)")
        }
    }

    @Test("properties split at the first unquoted colon, parameters at unquoted semicolons")
    func propertySplitting() throws {
        let property = try #require(try ContentLines.property("item1.EMAIL;TYPE=\"work;home\";PREF:liz@acme.com:x", line: 1, format: "vCard"))
        #expect(property.group == "item1")
        #expect(property.name == "EMAIL")
        #expect(property.parameters["TYPE"] == "work;home,PREF")
        #expect(property.value == "liz@acme.com:x")
        let accented = try #require(try ContentLines.property("NOTE;LANGUAGE=fr:Café; crème", line: 2, format: "vCard"))
        #expect(accented.parameters["LANGUAGE"] == "fr" && accented.value == "Café; crème")
    }

    /// Given ASCII values made of escapes, separators and line breaks, when they are split and
    /// unescaped byte by byte, then the result is the Character-level one's.
    @Test("the byte-level splitting and unescaping of ASCII values agree with the character-level ones")
    func asciiFastPaths() {
        let alphabet: [Character] = ["a", "n", "N", "\\", ",", ";", " ", "\r", "\n", "\r\n", ":"]
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let value = String((0..<next(14)).map { _ in alphabet[next(alphabet.count)] })
            #expect(ContentLines.unescapeText(value) == ContentLines.unescapeCharacters(value), "\(value.debugDescription)")
            for separator: Character in [",", ";"] {
                for limit in [.max, 1, 2, 3] {
                    #expect(ContentLines.splitList(value, separator: separator, limit: limit)
                        == ContentLines.splitCharacters(value, separator: separator, limit: limit), "\(value.debugDescription)")
                }
            }
        }
        // TYPE values are trimmed of quotes and spaces only when their ends hold one.
        for label in ["work", "\"work\"", " cell ", "\"", "", " ", "x\u{00A0}", "\" \"home\"", "é\"", "\u{0301}\""] {
            #expect(VCardReader.trimLabel(Substring(label)) == label.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")), "\(label.debugDescription)")
        }
        // Non-ASCII values take the Character path: a backslash before a combining mark is no escape.
        #expect(ContentLines.unescapeText("a\\n\u{0303}b") == ContentLines.unescapeCharacters("a\\n\u{0303}b"))
        #expect(ContentLines.splitList("x,\u{0301}y,z") == ContentLines.splitCharacters("x,\u{0301}y,z", separator: ",", limit: .max))
    }
}
