import Foundation
import GRDB
import LanyardStore

/// What `people merge` did.
public struct MergeSummary: Codable, Sendable, Equatable {
    public var kept: PersonView
    public var mergedPersonId: Int64
    public var mergeRecordId: Int64
    public var meetings: Int
    public var notes: Int
    public var emails: Int
    public var phones: Int
}

/// What `people forget` deleted.
public struct ForgetSummary: Codable, Sendable, Equatable {
    public var personId: Int64
    public var name: String
    public var meetings: Int
    public var notes: Int
    public var followUps: Int
    public var mergeRecords: Int
}

/// One line of `people list`.
public struct PersonListItem: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var company: String?
    public var title: String?
    public var emails: [String]
    public var meetings: Int
    public var lastMet: Date?
}

extension AppDatabase {
    // MARK: - Reads

    /// Everyone, in address-book order, with their emails, meeting count and last meeting.
    public func people(limit: Int? = nil, offset: Int = 0) throws -> [PersonListItem] {
        try reader.read { db in
            var request = Person.all().orderedBySortName()
            if let limit { request = request.limit(limit, offset: offset) }
            let people = try request.fetchAll(db)
            let ids = people.compactMap(\.id)
            guard !ids.isEmpty else { return [] }
            var emails: [Int64: [String]] = [:]
            var meetings: [Int64: (Int, Date?)] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                for row in try Row.fetchAll(db, sql: "SELECT personId, email FROM personEmail WHERE personId IN \(Self.placeholders(chunk.count)) ORDER BY id", arguments: StatementArguments(chunk)) {
                    emails[row["personId"], default: []].append(row["email"])
                }
                for row in try Row.fetchAll(db, sql: "SELECT personId, COUNT(*) AS n, MAX(at) AS last FROM meeting WHERE personId IN \(Self.placeholders(chunk.count)) GROUP BY personId", arguments: StatementArguments(chunk)) {
                    meetings[row["personId"]] = (row["n"], row["last"])
                }
            }
            return people.map { person in
                let id = person.id!
                return PersonListItem(id: id, name: person.name, company: person.company, title: person.title,
                                      emails: emails[id] ?? [], meetings: meetings[id]?.0 ?? 0, lastMet: meetings[id]?.1)
            }
        }
    }

    /// One person, or `PeopleError.unknownPerson`.
    public func person(id: Int64) throws -> Person {
        try reader.read { db in try Self.person(id: id, in: db) }
    }

    static func person(id: Int64, in db: Database) throws -> Person {
        guard let person = try Person.fetchOne(db, key: id) else { throw PeopleError.unknownPerson(id: id) }
        return person
    }

    // MARK: - Forget

    /// Deletes a person and everything about them: emails, phones, keys, meetings, notes,
    /// facts, tags, follow-ups, which imported records they were, and every merge record that
    /// holds their data.
    public func forget(personId: Int64) throws -> ForgetSummary {
        try writer.write { db in
            let person = try Self.person(id: personId, in: db)
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE personId = ?", arguments: [personId]) ?? 0
            }
            let meetings = try count("meeting"), notes = try count("note"), followUps = try count("followUp")
            let mergeRecords = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mergeRecord WHERE mergedPersonId = ? OR keptPersonId = ?", arguments: [personId, personId]) ?? 0
            try db.execute(sql: "DELETE FROM mergeRecord WHERE mergedPersonId = ? OR keptPersonId = ?", arguments: [personId, personId])
            _ = try Person.deleteOne(db, key: personId)
            return ForgetSummary(personId: personId, name: person.name, meetings: meetings, notes: notes,
                                 followUps: followUps, mergeRecords: mergeRecords)
        }
    }
}
