import Foundation
import LanyardFormats

/// A contact reduced to its matching keys: what recognition compares, whether it came from a
/// check-in, a vCard or a CSV row.
public struct ContactQuery: Sendable, Equatable {
    /// The parsed name, when there is one.
    public var name: PersonName?
    /// Normalised emails (`liz@acme.com`), invalid ones left out.
    public var emails: [String]
    /// Normalised phones, invalid ones left out.
    public var phones: [String]
    /// `linkedin.com/in/x`, when known.
    public var linkedinKey: String?
    /// Normalised company ("acme").
    public var companyKey: String?
    /// The company as given, for messages.
    public var company: String?

    /// Reduces a card to its keys.
    public init(_ card: ContactCard) {
        name = PersonName(card: card)
        emails = Self.unique(card.emails.compactMap { ContactNormalizer.email($0.value) })
        phones = Self.unique(card.phones.compactMap { ContactNormalizer.phone($0.value) })
        linkedinKey = card.linkedinURL.flatMap(ContactNormalizer.linkedin)
        company = card.organization?.trimmingWhitespace(.whitespaces)
        companyKey = card.organization.flatMap(ContactNormalizer.company)
    }

    /// True when there is nothing to recognise anyone by.
    public var isEmpty: Bool {
        name == nil && emails.isEmpty && phones.isEmpty && linkedinKey == nil
    }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
