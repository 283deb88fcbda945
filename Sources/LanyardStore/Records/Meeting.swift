import Foundation
import GRDB

/// A meeting: this person, at this event, at this time, at this booth.
public struct Meeting: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "meeting"

    public var id: Int64?
    public var personId: Int64
    public var eventId: Int64
    public var at: Date
    public var booth: String?
    /// Free words on where or how ("after the keynote", "badge scan").
    public var context: String?
    public var createdAt: Date

    public init(id: Int64? = nil, personId: Int64, eventId: Int64, at: Date, booth: String? = nil, context: String? = nil, createdAt: Date = Date()) {
        self.id = id
        self.personId = personId
        self.eventId = eventId
        self.at = at
        self.booth = booth
        self.context = context
        self.createdAt = createdAt
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let personId = Column(CodingKeys.personId)
        public static let eventId = Column(CodingKeys.eventId)
        public static let at = Column(CodingKeys.at)
    }

    public static let person = belongsTo(Person.self)
    public static let event = belongsTo(Event.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Inserts the row through a cached statement and sets `id`: the row `insert(db)` writes,
    /// without GRDB reading the table's schema first (its first use costs a `lanyard checkin`
    /// process a millisecond).
    public mutating func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO meeting (id, personId, eventId, at, booth, context, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [id, personId, eventId, StoredDate.value(of: at), booth, context, StoredDate.value(of: createdAt)])
        id = db.lastInsertedRowID
    }

    /// Reads a row column by column (cheaper than Codable on the check-in path).
    public init(row: Row) throws {
        id = row["id"]
        personId = row["personId"]
        eventId = row["eventId"]
        at = try row.storedDate("at")
        booth = row["booth"]
        context = row["context"]
        createdAt = try row.storedDate("createdAt")
    }

    /// Writes the columns directly (cheaper than Codable on the check-in path).
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["personId"] = personId
        container["eventId"] = eventId
        container["at"] = StoredDate.value(of: at)
        container["booth"] = booth
        container["context"] = context
        container["createdAt"] = StoredDate.value(of: createdAt)
    }
}
