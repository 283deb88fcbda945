import Foundation
import LanyardFormats

/// A check-in as the CLI or the HTTP API receives it: flags, an optional badge card, and who
/// decides on weak matches.
public struct CheckInRequest: Sendable, Equatable, Codable {
    /// Who decides when the evidence is weak.
    public enum Decision: Sendable, Equatable, Codable {
        /// Attach on strong evidence, otherwise create a new person and return candidates.
        case automatic
        /// Attach to this person, whatever the evidence.
        case sameAs(Int64)
        /// Always create a new person.
        case new
    }

    public var event: String
    public var name: String?
    public var company: String?
    public var title: String?
    public var email: String?
    public var phone: String?
    public var linkedin: String?
    /// What the badge's QR code holds: a vCard, a MECARD or a LinkedIn URL.
    public var card: String?
    public var booth: String?
    public var note: String?
    /// When the meeting happened (default: now).
    public var at: Date?
    public var decision: Decision

    public init(
        event: String, name: String? = nil, company: String? = nil, title: String? = nil,
        email: String? = nil, phone: String? = nil, linkedin: String? = nil, card: String? = nil,
        booth: String? = nil, note: String? = nil, at: Date? = nil, decision: Decision = .automatic
    ) {
        self.event = event
        self.name = name
        self.company = company
        self.title = title
        self.email = email
        self.phone = phone
        self.linkedin = linkedin
        self.card = card
        self.booth = booth
        self.note = note
        self.at = at
        self.decision = decision
    }

    /// The contact this check-in describes: the card's fields, overridden by the flags that
    /// were given. Throws `CheckInError` for an empty name, an invalid email, phone or
    /// LinkedIn URL, an unparsable card, or nothing to identify the person by.
    public func contact() throws -> ContactCard {
        var contact = ContactCard()
        if let card, !card.trimmingWhitespace(.whitespacesAndNewlines).isEmpty {
            do {
                contact = try CardPayload.parse(card)
            } catch let error as FormatError {
                throw CheckInError.invalidField(field: "card", message: error.description)
            }
        } else if card != nil {
            throw CheckInError.invalidField(field: "card", message: "is empty (expected a vCard, a MECARD or a LinkedIn profile URL)")
        }
        if let name {
            let trimmed = name.trimmingWhitespace(.whitespacesAndNewlines)
            guard !trimmed.isEmpty, PersonName(trimmed) != nil else {
                throw CheckInError.invalidField(field: "name", message: "must not be empty")
            }
            contact.fullName = trimmed
            contact.givenName = nil
            contact.familyName = nil
            contact.middleName = nil
            contact.prefix = nil
            contact.suffix = nil
        }
        if let email {
            let trimmed = email.trimmingWhitespace(.whitespacesAndNewlines)
            guard ContactNormalizer.email(trimmed) != nil else {
                throw CheckInError.invalidField(field: "email", message: "\"\(email)\" is not an email address (like liz@acme.com)")
            }
            contact.emails.removeAll { ContactNormalizer.email($0.value) == ContactNormalizer.email(trimmed) }
            contact.emails.insert(.init(trimmed), at: 0)
        }
        if let phone {
            guard ContactNormalizer.phone(phone) != nil else {
                throw CheckInError.invalidField(field: "phone", message: "\"\(phone)\" is not a phone number (like +1 415 555 0134)")
            }
            contact.phones.insert(.init(phone.trimmingWhitespace(.whitespaces)), at: 0)
        }
        if let linkedin {
            guard ContactNormalizer.linkedin(linkedin) != nil else {
                throw CheckInError.invalidField(field: "linkedin", message: "\"\(linkedin)\" is not a LinkedIn profile URL (like https://www.linkedin.com/in/liz-moreau)")
            }
            contact.linkedinURL = linkedin.trimmingWhitespace(.whitespaces)
        }
        if let company, !company.trimmingWhitespace(.whitespaces).isEmpty { contact.organization = company }
        if let title, !title.trimmingWhitespace(.whitespaces).isEmpty { contact.title = title }
        guard name != nil || email != nil || card != nil else { throw CheckInError.nothingToIdentify }
        if ContactQuery(contact).isEmpty { throw CheckInError.nothingToIdentify }
        return contact
    }
}
