import Foundation
import GRDB
import LanyardEvents
import LanyardFormats
import LanyardNotes
import LanyardStore

extension AppDatabase {
    /// Imports contacts through recognition, in one transaction. A contact that is someone
    /// already known (the check-in rule: `recognize`) is merged into them (new emails, phones,
    /// company and title, the note, CATEGORIES as tags); otherwise a new person is made, and
    /// listed for review when someone resembles them. Importing a file twice changes nothing:
    /// a record imported before (the same fingerprint, `importedContact`) is the person it
    /// became, unchanged; a contact that a known person already holds entirely is left
    /// unchanged; and a person that an earlier record of the file wrote keeps the company and
    /// title it gave them.
    ///
    /// An invalid record (one the reader refused, or one with no name, email, phone or LinkedIn
    /// profile) throws `InterchangeError.invalidRecord` naming it and stores nothing, unless
    /// `skipInvalid`, which lists it in the summary and imports the rest. Never records a meeting.
    public func importContacts(
        _ batch: ContactBatch, format: ContactFormat, skipInvalid: Bool = false, at date: Date = Date(),
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> ContactImportSummary {
        try importContacts(batch, format: format, skipInvalid: skipInvalid, at: date, prefiltering: true, progress: progress)
    }

    /// `prefiltering` false: every contact goes through recognition's lookups, even one whose
    /// keys the book does not hold (the tests compare both ways).
    func importContacts(
        _ batch: ContactBatch, format: ContactFormat, skipInvalid: Bool, at date: Date, prefiltering: Bool,
        progress: (_ done: Int, _ total: Int) -> Void
    ) throws -> ContactImportSummary {
        var summary = ContactImportSummary(format: format, sources: batch.sources)
        var invalid = batch.invalid
        // Each record reduced to its keys and fingerprinted on every core, before the
        // transaction: pure work, about a tenth of a large import's CPU (BENCHMARKS.md, round 9).
        let reduced = batch.records.concurrentMap { record in
            (query: ContactQuery(record.card), fingerprint: ContactFingerprint.of(record.card))
        }
        var valid: [(record: ContactRecord, query: ContactQuery)] = []
        var fingerprints: [String] = []
        valid.reserveCapacity(batch.records.count)
        fingerprints.reserveCapacity(batch.records.count)
        for (record, item) in zip(batch.records, reduced) {
            if item.query.isEmpty {
                invalid.append(InvalidContact(place: record.place, message: "no name, email, phone or LinkedIn profile: nothing to know this contact by"))
            } else {
                valid.append((record, item.query))
                fingerprints.append(item.fingerprint)
            }
        }
        if let first = invalid.first, !skipInvalid {
            let more = invalid.count > 1 ? " (and \(invalid.count - 1) more invalid records)" : ""
            throw InterchangeError.invalidRecord(place: first.place, message: first.message + more + "; nothing was imported: fix the file or pass --skip-invalid")
        }
        summary.invalid = invalid
        summary.skipped = invalid.count

        let total = valid.count
        let step = max(1, total / 100)
        try writeWithJournalsInMemory { db in
            // Contacts none of whose keys the book holds are new without recognition's lookups.
            var run = try ContactImportRun(fingerprints: fingerprints, queries: valid.map(\.query), prefiltering: prefiltering, in: db)
            // The search rows of everyone added or changed are rebuilt once, at the end, and
            // the writes run without the search triggers (the run notes whom it touched). Any
            // error rolls the whole import back.
            try Self.bypassingSearchTriggers(db) {
                for (index, item) in valid.enumerated() {
                    try Self.importContact(item.record, query: item.query, fingerprint: fingerprints[index], index: index,
                                           at: date, in: db, run: &run, summary: &summary)
                    if (index + 1) % step == 0 || index + 1 == total { progress(index + 1, total) }
                }
                return ((), run.touched)
            }
            try run.saveRemembered(at: StoredDate.value(of: date), in: db)
        }
        return summary
    }

    /// One contact (the batch's `index`th, its fingerprint `ContactFingerprint.of(record.card)`)
    /// inside the import's transaction.
    static func importContact(_ record: ContactRecord, query: ContactQuery, fingerprint: String, index: Int, at date: Date,
                              in db: Database, run: inout ContactImportRun, summary: inout ContactImportSummary) throws {
        let card = record.card
        if let id = run.person(imported: fingerprint) {
            run.written.insert(id)
            summary.unchanged += 1
            return
        }
        let recognition = run.prefilter?.mayFindAnyone(index) == false
            ? Recognition(match: nil, candidates: []) : try recognize(query, in: db)
        if var person = recognition.match?.person, let id = person.id {
            var changed = try absorb(card, into: &person, at: date, keepingKnown: run.written.contains(id), in: db)
            changed = try addExtras(of: card, to: id, at: date, in: db) || changed
            if changed {
                summary.merged += 1
                run.touched.insert(id)
                try run.prefilter?.noteWrites(to: id, in: db)
            } else {
                summary.unchanged += 1
            }
            run.remember(fingerprint, as: id)
            return
        }
        for candidate in recognition.candidates where try holds(card, query: query, person: candidate.person, in: db) {
            // The person this record made on an earlier import (before fingerprints were kept).
            if let id = candidate.person.id { run.remember(fingerprint, as: id) }
            summary.unchanged += 1
            return
        }
        let person = try createPerson(from: card, query: query, at: date, noting: &run.prefilter, in: db)
        run.touched.insert(person.id!)
        try addExtras(of: card, to: person.id!, at: date, isNew: true, in: db)
        run.remember(fingerprint, as: person.id!)
        summary.added += 1
        if !recognition.candidates.isEmpty {
            summary.review.append(.init(
                personId: person.id!, name: person.name, place: record.place,
                candidates: recognition.candidates.map {
                    .init(personId: $0.person.id!, name: $0.person.name, score: $0.score, reasons: $0.reasons)
                }))
        }
    }

    /// What a card brings beyond the person writes: its note (once) and its categories as tags.
    /// Returns true when something was added. `isNew`: the person was made for this card, so
    /// has no note yet to compare with.
    @discardableResult
    static func addExtras(of card: ContactCard, to personId: Int64, at date: Date, isNew: Bool = false, in db: Database) throws -> Bool {
        var changed = false
        if let body = noteBody(card.note), try isNew || !hasNote(personId: personId, body: body, in: db) {
            let stamp = StoredDate.value(of: date)
            try db.cachedStatement(sql: "INSERT INTO note (personId, body, createdAt, updatedAt) VALUES (?, ?, ?, ?)")
                .execute(arguments: [personId, body, stamp, stamp])
            changed = true
        }
        if try addTags(card.categories, personId: personId, at: date, in: db) > 0 { changed = true }
        return changed
    }

    /// True when `person` already holds everything `card` says (same name, its emails, phones,
    /// company, title, note and categories): the same record imported before. Only asked of
    /// people recognition offers as candidates, so a repeated import adds no twin.
    static func holds(_ card: ContactCard, query: ContactQuery, person: Person, in db: Database) throws -> Bool {
        guard let id = person.id, let name = query.name, name.normalized == person.normalizedName else { return false }
        if let company = cleaned(card.organization), company != person.company { return false }
        if let title = cleaned(card.title), title != person.title { return false }
        if let key = query.linkedinKey, key != person.linkedinKey { return false }
        if !query.emails.isEmpty {
            let known = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT normalized FROM personEmail WHERE personId = ?"), arguments: [id]))
            guard query.emails.allSatisfy(known.contains) else { return false }
        }
        if !query.phones.isEmpty {
            let known = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT normalized FROM personPhone WHERE personId = ?"), arguments: [id]))
            guard query.phones.allSatisfy(known.contains) else { return false }
        }
        if let body = noteBody(card.note), try !hasNote(personId: id, body: body, in: db) { return false }
        let tags = Set(card.categories.map(KebabName.make).filter { !$0.isEmpty })
        if !tags.isEmpty {
            let known = Set(try String.fetchAll(db.cachedStatement(sql: "SELECT tag FROM tag WHERE personId = ?"), arguments: [id]))
            guard tags.isSubset(of: known) else { return false }
        }
        return true
    }

    /// True when the person already has a note with exactly this body.
    static func hasNote(personId: Int64, body: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM note WHERE personId = ? AND body = ?)"),
                          arguments: [personId, body]) ?? false
    }

    /// A card's note as stored: line breaks as LF (Outlook writes CRLF), trimmed, nil when empty.
    static func noteBody(_ note: String?) -> String? {
        guard let note else { return nil }
        guard note.utf8.contains(0x0D) else { return cleaned(note) }
        return cleaned(note.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// The value trimmed, nil when nothing is left.
    static func cleaned(_ value: String?) -> String? {
        guard let value = value?.trimmingWhitespace(.whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
