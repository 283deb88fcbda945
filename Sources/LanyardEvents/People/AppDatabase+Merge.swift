import Foundation
import GRDB
import LanyardStore

extension AppDatabase {
    /// Merges OTHER into KEEP: meetings, notes, facts, tags, follow-ups, emails, phones and the
    /// imported contact records OTHER stood for move to KEEP, gaps in KEEP's company, title and
    /// LinkedIn are filled, OTHER is deleted, and a `mergeRecord` keeps what moved so that
    /// `unmerge` can restore OTHER under its old id.
    public func merge(keep keepId: Int64, other otherId: Int64, at date: Date = Date()) throws -> MergeSummary {
        guard keepId != otherId else { throw PeopleError.mergeWithSelf(id: keepId) }
        return try writer.write { db in
            var keep = try Self.person(id: keepId, in: db)
            let other = try Self.person(id: otherId, in: db)
            var snapshot = MergeSnapshot(person: other, kept: .init(
                company: keep.company, title: keep.title, linkedinURL: keep.linkedinURL, linkedinKey: keep.linkedinKey))

            snapshot.meetingIds = try Int64.fetchAll(db, sql: "SELECT id FROM meeting WHERE personId = ?", arguments: [otherId])
            try db.execute(sql: "UPDATE meeting SET personId = ? WHERE personId = ?", arguments: [keepId, otherId])
            snapshot.noteIds = try Int64.fetchAll(db, sql: "SELECT id FROM note WHERE personId = ?", arguments: [otherId])
            try db.execute(sql: "UPDATE note SET personId = ? WHERE personId = ?", arguments: [keepId, otherId])

            // Facts: a current value that KEEP also has becomes history (KEEP's stays current).
            for fact in try Fact.filter(Fact.Columns.personId == otherId).fetchAll(db) {
                snapshot.facts.append(.init(id: fact.id!, supersededAt: fact.supersededAt))
                if fact.supersededAt == nil,
                   try Fact.filter(Fact.Columns.personId == keepId && Fact.Columns.key == fact.key).current().fetchCount(db) > 0 {
                    try db.execute(sql: "UPDATE fact SET supersededAt = ? WHERE id = ?", arguments: [date, fact.id])
                }
            }
            try db.execute(sql: "UPDATE fact SET personId = ? WHERE personId = ?", arguments: [keepId, otherId])

            snapshot.tags = try Tag.filter(Tag.Columns.personId == otherId).fetchAll(db)
            let keptTags = Set(try String.fetchAll(db, sql: "SELECT tag FROM tag WHERE personId = ?", arguments: [keepId]))
            for tag in snapshot.tags where !keptTags.contains(tag.tag) {
                snapshot.movedTags.append(tag.tag)
                try db.execute(sql: "UPDATE tag SET personId = ? WHERE personId = ? AND tag = ?", arguments: [keepId, otherId, tag.tag])
            }

            let keptEmails = Set(try String.fetchAll(db, sql: "SELECT normalized FROM personEmail WHERE personId = ?", arguments: [keepId]))
            for email in try PersonEmail.filter(PersonEmail.Columns.personId == otherId).fetchAll(db) {
                if keptEmails.contains(email.normalized) {
                    snapshot.droppedEmails.append(email)
                } else {
                    snapshot.movedEmailIds.append(email.id!)
                    try db.execute(sql: "UPDATE personEmail SET personId = ? WHERE id = ?", arguments: [keepId, email.id])
                }
            }
            let keptPhones = Set(try String.fetchAll(db, sql: "SELECT normalized FROM personPhone WHERE personId = ?", arguments: [keepId]))
            for phone in try PersonPhone.filter(PersonPhone.Columns.personId == otherId).fetchAll(db) {
                if keptPhones.contains(phone.normalized) {
                    snapshot.droppedPhones.append(phone)
                } else {
                    snapshot.movedPhoneIds.append(phone.id!)
                    try db.execute(sql: "UPDATE personPhone SET personId = ? WHERE id = ?", arguments: [keepId, phone.id])
                }
            }
            let keptFollowUpEvents = Set(try Int64.fetchAll(db, sql: "SELECT eventId FROM followUp WHERE personId = ?", arguments: [keepId]))
            for followUp in try FollowUp.filter(FollowUp.Columns.personId == otherId).fetchAll(db) {
                if keptFollowUpEvents.contains(followUp.eventId) {
                    snapshot.droppedFollowUps.append(followUp)
                } else {
                    snapshot.movedFollowUpIds.append(followUp.id!)
                    try db.execute(sql: "UPDATE followUp SET personId = ? WHERE id = ?", arguments: [keepId, followUp.id])
                }
            }
            snapshot.mergeRecordIds = try Int64.fetchAll(db, sql: "SELECT id FROM mergeRecord WHERE keptPersonId = ?", arguments: [otherId])
            try db.execute(sql: "UPDATE mergeRecord SET keptPersonId = ? WHERE keptPersonId = ?", arguments: [keepId, otherId])
            // A contact file imported again finds the kept person where it found the merged one.
            snapshot.importedContactIds = try Int64.fetchAll(db, sql: "SELECT id FROM importedContact WHERE personId = ?", arguments: [otherId])
            try db.execute(sql: "UPDATE importedContact SET personId = ? WHERE personId = ?", arguments: [keepId, otherId])

            keep.company = keep.company ?? other.company
            keep.title = keep.title ?? other.title
            if keep.linkedinKey == nil {
                keep.linkedinURL = other.linkedinURL
                keep.linkedinKey = other.linkedinKey
            }
            if keep.normalizedName.isEmpty, !other.normalizedName.isEmpty {
                keep.name = other.name
                keep.sortName = other.sortName
                keep.normalizedName = other.normalizedName
            }
            keep.updatedAt = date
            _ = try Person.deleteOne(db, key: otherId)
            try keep.update(db)
            try Self.syncKeys(for: keep, in: db)

            var record = MergeRecord(keptPersonId: keepId, mergedPersonId: otherId, snapshot: try MergeSnapshot.encode(snapshot), createdAt: date)
            try record.insert(db)
            return MergeSummary(
                kept: try Self.personView(keep, in: db), mergedPersonId: otherId, mergeRecordId: record.id!,
                meetings: snapshot.meetingIds.count, notes: snapshot.noteIds.count,
                emails: snapshot.movedEmailIds.count + snapshot.droppedEmails.count,
                phones: snapshot.movedPhoneIds.count + snapshot.droppedPhones.count)
        }
    }

    /// Undoes the latest merge of the person who had id `mergedPersonId`: restores them under
    /// that id with what moved, and puts the kept person's filled-in fields back.
    @discardableResult
    public func unmerge(mergedPersonId: Int64, at date: Date = Date()) throws -> PersonView {
        try writer.write { db in
            guard let record = try MergeRecord
                .filter(MergeRecord.Columns.mergedPersonId == mergedPersonId && MergeRecord.Columns.undoneAt == nil)
                .order(Column("id").desc).fetchOne(db)
            else { throw PeopleError.nothingToUnmerge(id: mergedPersonId) }
            let snapshot = try MergeSnapshot.decode(record.snapshot)
            let keepId = record.keptPersonId
            var restored = snapshot.person
            try restored.insert(db)
            let otherId = restored.id!

            func moveBack(_ table: String, _ ids: [Int64]) throws {
                for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                    try db.execute(sql: "UPDATE \(table) SET personId = ? WHERE personId = ? AND id IN \(Self.placeholders(chunk.count))",
                                   arguments: StatementArguments([otherId, keepId] + chunk))
                }
            }
            try moveBack("meeting", snapshot.meetingIds)
            try moveBack("note", snapshot.noteIds)
            for fact in snapshot.facts {
                try db.execute(sql: "UPDATE fact SET personId = ?, supersededAt = ? WHERE id = ? AND personId = ?",
                               arguments: [otherId, fact.supersededAt, fact.id, keepId])
            }
            for tag in snapshot.tags {
                if snapshot.movedTags.contains(tag.tag) {
                    try db.execute(sql: "DELETE FROM tag WHERE personId = ? AND tag = ?", arguments: [keepId, tag.tag])
                }
                try tag.insert(db, onConflict: .ignore)
            }
            try moveBack("personEmail", snapshot.movedEmailIds)
            for var email in snapshot.droppedEmails { try email.insert(db, onConflict: .ignore) }
            try moveBack("personPhone", snapshot.movedPhoneIds)
            for var phone in snapshot.droppedPhones { try phone.insert(db, onConflict: .ignore) }
            try moveBack("followUp", snapshot.movedFollowUpIds)
            try moveBack("importedContact", snapshot.importedContactIds ?? [])
            for var followUp in snapshot.droppedFollowUps { try followUp.insert(db, onConflict: .ignore) }
            for id in snapshot.mergeRecordIds {
                try db.execute(sql: "UPDATE mergeRecord SET keptPersonId = ? WHERE id = ? AND keptPersonId = ?", arguments: [otherId, id, keepId])
            }

            if var keep = try Person.fetchOne(db, key: keepId) {
                if snapshot.kept.company == nil, keep.company == restored.company { keep.company = nil }
                if snapshot.kept.title == nil, keep.title == restored.title { keep.title = nil }
                if snapshot.kept.linkedinKey == nil, keep.linkedinKey == restored.linkedinKey {
                    keep.linkedinKey = nil
                    keep.linkedinURL = nil
                }
                keep.updatedAt = date
                try keep.update(db)
                try Self.syncKeys(for: keep, in: db)
            }
            try Self.syncKeys(for: restored, in: db)
            try db.execute(sql: "UPDATE mergeRecord SET undoneAt = ? WHERE id = ?", arguments: [date, record.id])
            return try Self.personView(restored, in: db)
        }
    }
}
