import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    // MARK: - Reads

    /// A person's facts in force, by key.
    public func currentFacts(personId: Int64) throws -> [Fact] {
        try reader.read { db in
            try Fact.filter(Fact.Columns.personId == personId).current().order(Fact.Columns.key).fetchAll(db)
        }
    }

    /// Every value a person's facts ever had (removed ones too), by key, newest first.
    public func factHistory(personId: Int64) throws -> [Fact] {
        try reader.read { db in
            try Fact.filter(Fact.Columns.personId == personId)
                .order(Fact.Columns.key, Fact.Columns.learnedAt.desc, Column("id").desc)
                .fetchAll(db)
        }
    }

    // MARK: - Writes

    /// Sets a fact: the key is normalised (`Ask about` → `ask-about`), the value trimmed.
    /// A different value supersedes the current one, which stays in the history; the same
    /// value changes nothing. Returns the fact in force.
    @discardableResult
    public func setFact(personId: Int64, key: String, value: String, meetingId: Int64? = nil, at date: Date = Date()) throws -> Fact {
        try writer.write { db in
            try Self.setFact(personId: personId, key: key, value: value, meetingId: meetingId, at: date, in: db)
        }
    }

    /// Sets a fact inside the caller's transaction (imports, check-in).
    @discardableResult
    public static func setFact(personId: Int64, key: String, value: String, meetingId: Int64? = nil, at date: Date = Date(), in db: Database) throws -> Fact {
        let key = try KebabName.validated(key, field: "fact key")
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw NotesError.emptyFactValue(key: key) }
        guard try Person.exists(db, id: personId) else { throw NotesError.unknownPerson(String(personId)) }
        if let meetingId { try checkMeeting(meetingId, of: personId, in: db) }
        if var current = try currentFact(personId: personId, key: key, in: db) {
            if current.value == value { return current }
            current.supersededAt = date
            try current.update(db)
        }
        var fact = Fact(personId: personId, meetingId: meetingId, key: key, value: value, learnedAt: date)
        try fact.insert(db)
        return fact
    }

    /// Removes a fact: its current value is superseded with no successor (history is kept).
    /// Returns the value that was in force.
    @discardableResult
    public func removeFact(personId: Int64, key: String, at date: Date = Date()) throws -> Fact {
        let key = try KebabName.validated(key, field: "fact key")
        return try writer.write { db in
            guard let person = try Person.fetchOne(db, id: personId) else { throw NotesError.unknownPerson(String(personId)) }
            guard var current = try Self.currentFact(personId: personId, key: key, in: db) else {
                throw NotesError.unknownFact(person: person.name, key: key)
            }
            current.supersededAt = date
            try current.update(db)
            return current
        }
    }

    private static func currentFact(personId: Int64, key: String, in db: Database) throws -> Fact? {
        try Fact.filter(Fact.Columns.personId == personId && Fact.Columns.key == key).current().fetchOne(db)
    }
}
