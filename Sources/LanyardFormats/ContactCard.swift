import Foundation

/// A contact as an external format describes it (vCard, MECARD, a LinkedIn URL, a CSV row):
/// plain values, no database identity. The event module turns it into a check-in.
public struct ContactCard: Sendable, Equatable, Codable {
    /// A value with the label its source gave it (`work`, `home`, `cell`, an X-ABLabel).
    public struct Labeled: Sendable, Equatable, Hashable, Codable {
        public var value: String
        public var label: String?
        public init(_ value: String, label: String? = nil) {
            self.value = value
            self.label = label
        }
    }

    /// The formatted name (vCard FN), when the source had one.
    public var fullName: String?
    public var givenName: String?
    public var familyName: String?
    public var middleName: String?
    public var prefix: String?
    public var suffix: String?
    public var nickname: String?
    public var emails: [Labeled] = []
    public var phones: [Labeled] = []
    public var organization: String?
    /// ORG's units ("Engineering", "Platform"), outermost first.
    public var organizationUnits: [String] = []
    public var title: String?
    public var urls: [Labeled] = []
    public var linkedinURL: String?
    public var note: String?
    public var categories: [String] = []
    /// BDAY as given (`1980-04-12`, `--04-12`).
    public var birthday: String?
    public var address: String?

    public init(
        fullName: String? = nil, givenName: String? = nil, familyName: String? = nil,
        emails: [Labeled] = [], phones: [Labeled] = [], organization: String? = nil, title: String? = nil
    ) {
        self.fullName = fullName
        self.givenName = givenName
        self.familyName = familyName
        self.emails = emails
        self.phones = phones
        self.organization = organization
        self.title = title
    }

    /// The name to show: FN, else the structured parts joined, else nil.
    public var displayName: String? {
        if let fn = fullName?.trimmingWhitespace(.whitespacesAndNewlines), !fn.isEmpty { return fn }
        let parts = [prefix, givenName, middleName, familyName, suffix]
            .compactMap { $0?.trimmingWhitespace(.whitespaces) }
            .filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

/// A parse failure that says where: the line (1-based) and, when known, the property.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var format: String
    public var line: Int?
    public var field: String?
    public var message: String

    public init(format: String, line: Int? = nil, field: String? = nil, message: String) {
        self.format = format
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = format
        if let line { place += " line \(line)" }
        if let field { place += " (\(field))" }
        return "\(place): \(message)"
    }

    public var errorDescription: String? { description }
}
