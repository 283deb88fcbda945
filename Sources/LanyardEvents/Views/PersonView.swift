import Foundation
import LanyardStore

/// A person as `--json` and the HTTP API show them.
public struct PersonView: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var sortName: String
    public var company: String?
    public var title: String?
    public var emails: [String]
    public var phones: [String]
    public var linkedinUrl: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(_ person: Person, emails: [String] = [], phones: [String] = []) {
        id = person.id ?? 0
        name = person.name
        sortName = person.sortName
        company = person.company
        title = person.title
        self.emails = emails
        self.phones = phones
        linkedinUrl = person.linkedinURL
        createdAt = person.createdAt
        updatedAt = person.updatedAt
    }
}
