import Foundation
import GRDB

/// Someone the user met: the card as it stands now. Emails and phones live in their own tables
/// (a person changes jobs, and keeps being the same person).
public struct Person: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "person"

    public var id: Int64?
    public var name: String
    /// "Last, First" style key used to order lists.
    public var sortName: String
    /// Lower-cased, accent-free, transliterated form of `name` used for matching and search.
    public var normalizedName: String
    public var company: String?
    public var title: String?
    public var linkedinURL: String?
    /// The canonical LinkedIn profile key (`linkedin.com/in/x`), used for matching.
    public var linkedinKey: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, name: String, sortName: String, normalizedName: String,
        company: String? = nil, title: String? = nil, linkedinURL: String? = nil, linkedinKey: String? = nil,
        createdAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.name = name
        self.sortName = sortName
        self.normalizedName = normalizedName
        self.company = company
        self.title = title
        self.linkedinURL = linkedinURL
        self.linkedinKey = linkedinKey
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let name = Column(CodingKeys.name)
        public static let sortName = Column(CodingKeys.sortName)
        public static let normalizedName = Column(CodingKeys.normalizedName)
        public static let company = Column(CodingKeys.company)
        public static let linkedinKey = Column(CodingKeys.linkedinKey)
        public static let updatedAt = Column(CodingKeys.updatedAt)
    }

    public static let emails = hasMany(PersonEmail.self)
    public static let phones = hasMany(PersonPhone.self)
    public static let meetings = hasMany(Meeting.self)
    public static let notes = hasMany(Note.self)
    public static let facts = hasMany(Fact.self)
    public static let tags = hasMany(Tag.self)
    public static let followUps = hasMany(FollowUp.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Reads a row column by column: the Codable path costs several times more, and check-in
    /// and search load people on every call.
    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        sortName = row["sortName"]
        normalizedName = row["normalizedName"]
        company = row["company"]
        title = row["title"]
        linkedinURL = row["linkedinURL"]
        linkedinKey = row["linkedinKey"]
        createdAt = try row.storedDate("createdAt")
        updatedAt = try row.storedDate("updatedAt")
    }

    /// Writes the columns directly (the Codable path costs several times more).
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["sortName"] = sortName
        container["normalizedName"] = normalizedName
        container["company"] = company
        container["title"] = title
        container["linkedinURL"] = linkedinURL
        container["linkedinKey"] = linkedinKey
        container["createdAt"] = StoredDate.value(of: createdAt)
        container["updatedAt"] = StoredDate.value(of: updatedAt)
    }
}

extension DerivableRequest<Person> {
    /// People in address-book order.
    public func orderedBySortName() -> Self {
        order(Person.Columns.sortName.collating(.localizedCaseInsensitiveCompare), Person.Columns.id)
    }
}
