import Foundation
import GRDB

/// One edition of a conference series (SwiftConf 2025 is an edition of the series "swiftconf").
public struct Event: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table, named here so GRDB does not derive it from the type at run time.
    public static let databaseTableName = "event"

    public var id: Int64?
    /// Stable short name used on the command line: `swiftconf-2025`.
    public var slug: String
    public var name: String
    public var series: String
    public var startDate: CalendarDay
    public var endDate: CalendarDay
    public var city: String?
    /// An IANA time zone identifier (`Europe/Berlin`); drives "next morning" for follow-ups.
    public var timeZone: String
    /// The iCalendar UID the edition was imported from, if any.
    public var uid: String?
    public var createdAt: Date

    public init(
        id: Int64? = nil, slug: String, name: String, series: String,
        startDate: CalendarDay, endDate: CalendarDay, city: String? = nil,
        timeZone: String = "UTC", uid: String? = nil, createdAt: Date = Date()
    ) {
        self.id = id
        self.slug = slug
        self.name = name
        self.series = series
        self.startDate = startDate
        self.endDate = endDate
        self.city = city
        self.timeZone = timeZone
        self.uid = uid
        self.createdAt = createdAt
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let slug = Column(CodingKeys.slug)
        public static let series = Column(CodingKeys.series)
        public static let startDate = Column(CodingKeys.startDate)
        public static let uid = Column(CodingKeys.uid)
    }

    public static let meetings = hasMany(Meeting.self)

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Reads a row column by column (cheaper than Codable on the check-in path).
    public init(row: Row) throws {
        id = row["id"]
        slug = row["slug"]
        name = row["name"]
        series = row["series"]
        startDate = row["startDate"]
        endDate = row["endDate"]
        city = row["city"]
        timeZone = row["timeZone"]
        uid = row["uid"]
        createdAt = try row.storedDate("createdAt")
    }
}

extension DerivableRequest<Event> {
    /// Editions in calendar order, oldest first.
    public func chronological() -> Self {
        order(Event.Columns.startDate, Event.Columns.slug)
    }
}
