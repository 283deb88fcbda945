import Foundation
@testable import LanyardFormats
import Testing

/// The vCard reader's byte-level paths (property splitting, TYPE labels, name spacing) against
/// the Character-level code they replaced, kept here as the reference.
@Suite("vCard parsing: the byte-level paths agree with the character-level ones")
struct VCardFastPathTests {
    /// A small deterministic generator (the same samples on every run).
    struct Samples {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func text(from alphabet: [String], length: Int) -> String {
            (0..<next(length + 1)).map { _ in alphabet[next(alphabet.count)] }.joined()
        }
    }

    /// `ContentLines.property` as it was written over Characters and Foundation.
    static func referenceProperty(_ text: String) -> ContentLines.Property? {
        var inQuotes = false
        var colon: String.Index?
        var segments: [Substring] = []
        var segmentStart = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "\"" { inQuotes.toggle() }
            else if !inQuotes, c == ";" {
                segments.append(text[segmentStart..<index])
                segmentStart = text.index(after: index)
            } else if !inQuotes, c == ":" {
                colon = index
                break
            }
            text.formIndex(after: &index)
        }
        guard let colon else { return nil }
        segments.append(text[segmentStart..<colon])
        var rawName = String(segments.removeFirst())
        var group: String?
        if let dot = rawName.lastIndex(of: ".") {
            group = String(rawName[..<dot])
            rawName = String(rawName[rawName.index(after: dot)...])
        }
        let name = rawName.uppercased()
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            return nil
        }
        var parameters: [String: String] = [:]
        var list: [(name: String, value: String)] = []
        for segment in segments {
            if let eq = segment.firstIndex(of: "=") {
                let key = segment[..<eq].trimmingCharacters(in: .whitespaces).uppercased()
                var value = String(segment[segment.index(after: eq)...])
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                list.append((key, value))
                parameters[key] = parameters[key].map { $0 + "," + value } ?? value
            } else {
                let value = segment.trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty else { continue }
                list.append(("TYPE", value))
                parameters["TYPE"] = parameters["TYPE"].map { $0 + "," + value } ?? value
            }
        }
        return ContentLines.Property(group: group, name: name, parameters: parameters, parameterList: list,
                                     value: String(text[text.index(after: colon)...]))
    }

    /// Given random lines of names, groups, quoted and bare parameters, spaces, tabs and
    /// accented letters, when they are split on their bytes, then the property (or the
    /// refusal) is the Character-level one's. Combining marks are left out: after a dot, an
    /// equals sign or a quote they make another character, which only the Character code sees.
    @Test("property lines: groups, parameters, quotes, white space, invalid names")
    func properties() throws {
        let alphabet = ["item1", ".", "EMAIL", "tel", "X-AB", ";", "TYPE", "=", "\"", ":", " ", "\t", "é", "ü", "名", "work", ",", "9", "_", "\u{00A0}"]
        var samples = Samples(state: 2026)
        var accepted = 0
        let fixed = ["EMAIL;\tTYPE=work:x", "TEL; type =\"cell\":1", "item1.X-ABLabel:y", "a.b.tel:1", "TEL;WORK;\tVOICE :1",
                     "NOTE;X=\"a:b\":c", "bad_name:1", "é:1", ".TEL:1", "TEL.:1", "TEL;=x;\"\":1", "NOTE;LANGUAGE=\u{00A0}fr\u{00A0}:x"]
        for line in fixed + (0..<8000).map({ _ in samples.text(from: alphabet, length: 12) }) {
            guard !line.isEmpty else { continue }
            let expected = Self.referenceProperty(line)
            let actual = try? ContentLines.property(line, line: 1, format: "vCard")
            #expect(actual == expected, "\(line.debugDescription)")
            #expect(actual.map { $0.parameterList.map { "\($0.name)=\($0.value)" } } == expected.map { $0.parameterList.map { "\($0.name)=\($0.value)" } },
                    "\(line.debugDescription)")
            if expected != nil { accepted += 1 }
        }
        #expect(accepted > 200, "the samples must hold enough valid lines to compare")
    }

    /// `collapsingSpaces` as it was: commas to spaces, then split and joined on spaces.
    static func referenceCollapse(_ part: String) -> String {
        part.replacingOccurrences(of: ",", with: " ").split(separator: " ").joined(separator: " ")
    }

    @Test("name parts: commas, runs of spaces, ends, accents and combining marks after a space")
    func nameSpacing() {
        let alphabet = ["a", "Jo", " ", ",", "é", "e\u{0301}", "\u{0301}", "\t", "名", "-"]
        var samples = Samples(state: 7)
        let fixed = ["", " ", ",", "van der  Berg", " Liz ", "Ann,Marie", "José  García", "a \u{0301}b", "a, \u{0301}", ", ,x, ,"]
        for part in fixed + (0..<3000).map({ _ in samples.text(from: alphabet, length: 10) }) {
            #expect(VCardReader.collapsingSpaces(part) == Self.referenceCollapse(part), "\(part.debugDescription)")
        }
    }

    @Test("TYPE labels: case, quotes, spaces, empty values, PREF and CHARSET left out")
    func typeLabels() {
        let alphabet = ["work", "WORK", "Home", "pref", "INTERNET", "voice", "CELL", "charset=utf-8", "Encoding", "\"", " ", ",", "x-Other"]
        var samples = Samples(state: 12)
        for type in (0..<3000).map({ _ in samples.text(from: alphabet, length: 8) }) {
            #expect(VCardReader.typeValuesASCII(type) == VCardReader.typeValuesCharacters(type), "\(type.debugDescription)")
        }
    }
}
