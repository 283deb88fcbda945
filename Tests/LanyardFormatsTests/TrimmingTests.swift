import Foundation
@testable import LanyardFormats
import Testing

@Suite("The parsers' fast trimming agrees with Foundation's")
struct TrimmingTests {
    @Test("white space, newlines, no-break and ideographic spaces, accents at the ends")
    func sameAsFoundation() {
        let samples = ["", " ", "\t", "\n", "a", " a ", "\u{00A0}José\u{00A0}", "\u{3000}名前\u{3000}", "e\u{301}", " e\u{301}",
                       "line\r\n", "\r\nline", "mid dle", "\u{2028}x\u{2029}", "x\u{0085}", "\u{FEFF}bom"]
        // Every ASCII scalar at either end (the fast path decides those by value)
        let ascii = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }
        for sample in samples + ascii.map { $0 + "x" } + ascii.map { "x" + $0 } {
            #expect(sample.trimmingWhitespace(.whitespaces) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
            #expect(sample.trimmingWhitespace(.whitespacesAndNewlines) == sample.trimmingCharacters(in: .whitespacesAndNewlines), "\(sample.debugDescription)")
        }
    }

    @Test("byte case mapping changes the 26 ASCII letters only, as String's case mapping does")
    func byteCase() {
        for byte in UInt8.min...UInt8.max {
            guard byte < 0x80 else {
                #expect(byte.asciiLowercased == byte && byte.asciiUppercased == byte)
                continue
            }
            let text = String(Unicode.Scalar(byte))
            #expect(byte.asciiLowercased == text.lowercased().utf8.first, "\(byte)")
            #expect(byte.asciiUppercased == text.uppercased().utf8.first, "\(byte)")
        }
    }

    @Test("the quoted-printable sniffing ignores ASCII case and needs the whole word")
    func caseInsensitiveSearch() {
        #expect("NOTE;ENCODING=quoted-printable:=C3=A9".containsASCIICaseInsensitive("QUOTED-PRINTABLE"))
        #expect("xQuOtEd-PrInTaBlEx".containsASCIICaseInsensitive("QUOTED-PRINTABLE"))
        #expect(!"QUOTED-PRINTABL".containsASCIICaseInsensitive("QUOTED-PRINTABLE"))
        #expect(!"QUOTED PRINTABLE".containsASCIICaseInsensitive("QUOTED-PRINTABLE"))
        #expect(!"".containsASCIICaseInsensitive("QUOTED-PRINTABLE"))
        #expect("é QUOTED-PRINTABLE".containsASCIICaseInsensitive("QUOTED-PRINTABLE"))
    }
}
