import Foundation
import GRDB

/// A free note on a person, optionally tied to the meeting it came from.
public struct Note: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "note"

    public var id: Int64?
    public var personId: Int64
    public var meetingId: Int64?
    public var body: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: Int64? = nil, personId: Int64, meetingId: Int64? = nil, body: String, createdAt: Date = Date(), updatedAt: Date = Date()) {
        self.id = id
        self.personId = personId
        self.meetingId = meetingId
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let personId = Column(CodingKeys.personId)
        public static let meetingId = Column(CodingKeys.meetingId)
        public static let createdAt = Column(CodingKeys.createdAt)
    }

    public static let person = belongsTo(Person.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Inserts the row through a cached statement and sets `id`: the row `insert(db)` writes,
    /// without GRDB reading the table's schema first.
    public mutating func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO note (id, personId, meetingId, body, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [id, personId, meetingId, body, StoredDate.value(of: createdAt), StoredDate.value(of: updatedAt)])
        id = db.lastInsertedRowID
    }

    /// Reads a row column by column (cheaper than Codable on the check-in path).
    public init(row: Row) throws {
        id = row["id"]
        personId = row["personId"]
        meetingId = row["meetingId"]
        body = row["body"]
        createdAt = try row.storedDate("createdAt")
        updatedAt = try row.storedDate("updatedAt")
    }

    /// Writes the columns directly (cheaper than Codable on the check-in path).
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["personId"] = personId
        container["meetingId"] = meetingId
        container["body"] = body
        container["createdAt"] = StoredDate.value(of: createdAt)
        container["updatedAt"] = StoredDate.value(of: updatedAt)
    }
}

/// A named personal detail ("family": "twin daughters"). Updating one supersedes the old row,
/// which keeps the history.
public struct Fact: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "fact"

    public var id: Int64?
    public var personId: Int64
    public var meetingId: Int64?
    public var key: String
    public var value: String
    public var learnedAt: Date
    /// When a newer value replaced this one; nil for the current value.
    public var supersededAt: Date?

    public init(id: Int64? = nil, personId: Int64, meetingId: Int64? = nil, key: String, value: String, learnedAt: Date = Date(), supersededAt: Date? = nil) {
        self.id = id
        self.personId = personId
        self.meetingId = meetingId
        self.key = key
        self.value = value
        self.learnedAt = learnedAt
        self.supersededAt = supersededAt
    }

    public enum Columns {
        public static let personId = Column(CodingKeys.personId)
        public static let key = Column(CodingKeys.key)
        public static let learnedAt = Column(CodingKeys.learnedAt)
        public static let supersededAt = Column(CodingKeys.supersededAt)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DerivableRequest<Fact> {
    /// Only the values in force (not superseded).
    public func current() -> Self {
        filter(Fact.Columns.supersededAt == nil)
    }
}

/// A tag on a person (`investor`, `swift-community`).
public struct Tag: Codable, Sendable, Equatable, Hashable, FetchableRecord, PersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "tag"

    public var personId: Int64
    public var tag: String
    public var createdAt: Date

    public init(personId: Int64, tag: String, createdAt: Date = Date()) {
        self.personId = personId
        self.tag = tag
        self.createdAt = createdAt
    }

    public enum Columns {
        public static let personId = Column(CodingKeys.personId)
        public static let tag = Column(CodingKeys.tag)
    }
}
