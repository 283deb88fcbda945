import Foundation
import GRDB

/// One email address of a person, with its matching key (`normalized`).
public struct PersonEmail: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "personEmail"

    public var id: Int64?
    public var personId: Int64
    public var email: String
    /// Lower-cased, `+tag` removed: the key two check-ins are compared by.
    public var normalized: String
    public var label: String?
    public var createdAt: Date

    public init(id: Int64? = nil, personId: Int64, email: String, normalized: String, label: String? = nil, createdAt: Date = Date()) {
        self.id = id
        self.personId = personId
        self.email = email
        self.normalized = normalized
        self.label = label
        self.createdAt = createdAt
    }

    public enum Columns {
        public static let personId = Column(CodingKeys.personId)
        public static let normalized = Column(CodingKeys.normalized)
    }

    public static let person = belongsTo(Person.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One phone number of a person, with its matching key (`normalized`: digits, national form).
public struct PersonPhone: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "personPhone"

    public var id: Int64?
    public var personId: Int64
    public var phone: String
    public var normalized: String
    public var label: String?
    public var createdAt: Date

    public init(id: Int64? = nil, personId: Int64, phone: String, normalized: String, label: String? = nil, createdAt: Date = Date()) {
        self.id = id
        self.personId = personId
        self.phone = phone
        self.normalized = normalized
        self.label = label
        self.createdAt = createdAt
    }

    public enum Columns {
        public static let personId = Column(CodingKeys.personId)
        public static let normalized = Column(CodingKeys.normalized)
    }

    public static let person = belongsTo(Person.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An index key for finding match candidates (kind: "token", "first", "phonetic", ...).
public struct PersonKey: Codable, Sendable, Equatable, Hashable, FetchableRecord, PersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "personKey"

    public var kind: String
    public var key: String
    public var personId: Int64

    public init(kind: String, key: String, personId: Int64) {
        self.kind = kind
        self.key = key
        self.personId = personId
    }

    public enum Columns {
        public static let kind = Column(CodingKeys.kind)
        public static let key = Column(CodingKeys.key)
        public static let personId = Column(CodingKeys.personId)
    }
}
