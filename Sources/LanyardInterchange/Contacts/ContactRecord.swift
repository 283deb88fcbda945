import Foundation
import LanyardFormats

/// One contact of an import file with where it came from, so that messages can point at it.
public struct ContactRecord: Sendable, Equatable {
    public var card: ContactCard
    /// The file (or "stdin") it was read from.
    public var source: String
    /// The line it starts on (1-based).
    public var line: Int
    /// Its record number in the file (1-based: the n-th vCard, the n-th CSV row after the header).
    public var number: Int

    public init(card: ContactCard, source: String, line: Int, number: Int) {
        self.card = card
        self.source = source
        self.line = line
        self.number = number
    }

    /// "contacts.vcf:41 (record 3)".
    public var place: String { "\(source):\(line) (record \(number))" }
}

/// A record that cannot be imported, with where and why.
public struct InvalidContact: Sendable, Equatable, Codable {
    /// "contacts.csv:12 (record 9)" or "contacts.csv:12".
    public var place: String
    public var message: String

    public init(place: String, message: String) {
        self.place = place
        self.message = message
    }
}
