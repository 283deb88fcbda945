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
        try writer.write { db in try Self.addTags(tags, personId: personId, at: date, in: db) }
        return try self.tags(personId: personId)
    }

    /// Adds tags inside the caller's transaction (imports); same rules as `addTags(_:personId:at:)`.
    public static func addTags(_ tags: [String], personId: Int64, at date: Date = Date(), in db: Database) throws {
        let names = try tags.map { try KebabName.validated($0, field: "tag") }
        guard try Person.exists(db, id: personId) else { throw NotesError.unknownPerson(String(personId)) }
        for name in Set(names) where try !Tag.exists(db, key: ["personId": personId, "tag": name]) {
            try Tag(personId: personId, tag: name, createdAt: date).insert(db)
        }
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
