import Foundation
import LanyardFormats
import Testing

/// The CSV readers (SwiftCSV underneath) cannot join the libFuzzer entries, which build the
/// Foundation-only parsers alone: instead, a bounded run of deterministic random mutations of
/// real-looking exports. Every input must parse or be refused with a `FormatError`; none may
/// crash or hang.
@Suite("CSV readers under random input")
struct CSVRandomInputTests {
    static let linkedIn = "\u{FEFF}Notes:\r\n\"When exporting your connection data, you may notice...\"\r\n\r\n"
        + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        + "Liz,Moreau,https://www.linkedin.com/in/liz-moreau,liz@acme.com,\"Acme, Inc.\",CTO,01 Jan 2024\r\n"
        + "José,Müller,https://www.linkedin.com/in/jose,,Globex,Engineer,15 Mar 2023\r\n"
    static let google = "Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name,Notes\r\n"
        + "Liz Moreau,Liz,Moreau,* Work,liz@acme.com ::: liz@home.example,+1 415 555 0134,Acme,\"Runs marathons,\r\ntwin daughters\"\r\n"

    /// A small deterministic generator (the same inputs every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces: [String] = ["\"", ",", "\r\n", "\n", "\r", ":::", "\u{FEFF}", "é", "\u{0}", "\"\"", " ", "Notes:", "First Name", ",,,,,,"]

    static func mutations(of text: String, count: Int, seed: UInt64) -> [String] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            var scalars = Array(text.unicodeScalars)
            for _ in 0..<(1 + generator.next(6)) {
                let at = generator.next(scalars.count + 1)
                switch generator.next(3) {
                case 0 where !scalars.isEmpty:
                    scalars.remove(at: min(at, scalars.count - 1))
                case 1:
                    scalars.insert(contentsOf: pieces[generator.next(pieces.count)].unicodeScalars, at: at)
                default:
                    let cut = generator.next(scalars.count + 1)
                    scalars = Array(scalars.prefix(max(cut, at)))
                }
            }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars)
            return String(out)
        }
    }

    @Test("LinkedIn Connections.csv mutations parse or are refused")
    func linkedInMutations() {
        var parsed = 0, refused = 0
        for input in Self.mutations(of: Self.linkedIn, count: 1_500, seed: 8) {
            do { _ = try LinkedInConnections.read(input); parsed += 1 } catch is FormatError { refused += 1 } catch {
                Issue.record("unexpected error \(error) for \(input.debugDescription)")
            }
        }
        #expect(parsed + refused == 1_500)
        #expect(parsed > 0 && refused > 0)
    }

    @Test("Google Contacts CSV mutations parse or are refused")
    func googleMutations() {
        var parsed = 0, refused = 0
        for input in Self.mutations(of: Self.google, count: 1_500, seed: 9) {
            do { _ = try GoogleContactsCSV.read(input); parsed += 1 } catch is FormatError { refused += 1 } catch {
                Issue.record("unexpected error \(error) for \(input.debugDescription)")
            }
        }
        #expect(parsed + refused == 1_500)
        #expect(parsed > 0)
    }
}
