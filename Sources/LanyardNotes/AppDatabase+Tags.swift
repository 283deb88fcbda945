import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    /// A person's tags, alphabetically.
    public func tags(personId: Int64) throws -> [String] {
        try reader.read { db in
            try String.fetchAll(db, Tag.filter(Tag.Columns.personId == personId).select(Tag.Columns.tag).order(Tag.Columns.tag))
        }
    }

    /// Adds tags (normalised to kebab-case) to a person; ones already there are kept as they
    /// were. All or nothing: one invalid tag adds none. Returns the person's tags.
    @discardableResult
    public func addTags(_ tags: [String], personId: Int64, at date: Date = Date()) throws -> [String] {
        let names = try tags.map { try KebabName.validated($0, field: "tag") }
        try writer.write { db in
            guard try Person.exists(db, id: personId) else { throw NotesError.unknownPerson(String(personId)) }
            try Self.addTags(names, personId: personId, at: date, in: db)
        }
        return try self.tags(personId: personId)
    }

    /// Adds tags inside a caller's transaction (an import): each is normalised to kebab-case,
    /// ones with no letter or digit are left out, ones already there are kept as they were.
    /// Returns how many were added.
    @discardableResult
    public static func addTags(_ tags: [String], personId: Int64, at date: Date, in db: Database) throws -> Int {
        guard !tags.isEmpty else { return 0 }
        var added = 0
        let stamp = StoredDate.value(of: date)
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO tag (personId, tag, createdAt) VALUES (?, ?, ?)")
        for name in Set(tags.map(KebabName.make)) where !name.isEmpty {
            try insert.execute(arguments: [personId, name, stamp])
            added += db.changesCount
        }
        return added
    }

    /// Removes tags from a person; tags the person does not have are ignored. Returns the
    /// person's tags.
    @discardableResult
    public func removeTags(_ tags: [String], personId: Int64) throws -> [String] {
        let names = try tags.map { try KebabName.validated($0, field: "tag") }
        try writer.write { db in
            guard try Person.exists(db, id: personId) else { throw NotesError.unknownPerson(String(personId)) }
            _ = try Tag.filter(Tag.Columns.personId == personId && names.contains(Tag.Columns.tag)).deleteAll(db)
        }
        return try self.tags(personId: personId)
    }
}
