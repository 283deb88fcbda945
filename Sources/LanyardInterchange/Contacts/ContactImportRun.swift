import GRDB
import LanyardEvents
import LanyardFormats
import LanyardStore

/// What one import knows while it runs, inside its transaction: which person each of its
/// records' fingerprints became on an earlier import (`importedContact`, read once for the
/// batch and kept up to date), the people its earlier records wrote, and the keys the book
/// holds (`RecognitionPrefilter`; nil: every record goes through recognition's lookups).
struct ContactImportRun {
    /// Fingerprint → person, for the batch's fingerprints.
    private var imported: [String: Int64] = [:]
    /// The people earlier records of this import added, merged into or found already holding them.
    var written: Set<Int64> = []
    /// The people this import added or changed (their search rows are rebuilt at the end).
    var touched: Set<Int64> = []
    var prefilter: RecognitionPrefilter?
    /// Fingerprints remembered and not yet written (`saveRemembered`).
    private var remembered: [(fingerprint: String, personId: Int64)] = []

    /// Reads the fingerprints first: the prefilter looks up the keys of the other records only
    /// (`queries[i]` of a record imported before stands empty in its place).
    init(fingerprints: [String], queries: [ContactQuery], prefiltering: Bool, in db: Database) throws {
        try readImported(Set(fingerprints), in: db)
        guard prefiltering else { return }
        let empty = ContactQuery(ContactCard())
        prefilter = try RecognitionPrefilter(zip(fingerprints, queries).map { imported[$0] == nil ? $1 : empty }, in: db)
    }

    private mutating func readImported(_ wanted: Set<String>, in db: Database) throws {
        let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM importedContact") ?? 0
        guard stored > 0, !wanted.isEmpty else { return }
        if stored <= wanted.count {
            // The book has imported fewer records than this batch holds: read them all.
            let rows = try Row.fetchCursor(db, sql: "SELECT fingerprint, personId FROM importedContact")
            while let row = try rows.next() {
                let fingerprint: String = row[0]
                if wanted.contains(fingerprint) { imported[fingerprint] = row[1] }
            }
        } else {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.fingerprint, c.personId FROM json_each(?) j JOIN importedContact c ON c.fingerprint = j.value
                """, arguments: [JSONBytes.stringArray(wanted)])
            while let row = try rows.next() { imported[row[0]] = row[1] }
        }
    }

    /// The person a record with this fingerprint became, on an earlier import or earlier in this one.
    func person(imported fingerprint: String) -> Int64? {
        imported[fingerprint]
    }

    /// Notes that the record with `fingerprint` became `personId`; `saveRemembered` writes it
    /// to `importedContact`.
    mutating func remember(_ fingerprint: String, as personId: Int64) {
        written.insert(personId)
        imported[fingerprint] = personId
        remembered.append((fingerprint, personId))
    }

    /// Writes the fingerprints remembered since the last call to `importedContact`, stamped
    /// `stamp`: in fingerprint order (the unique index's pages are filled in order, not
    /// visited at random) and many rows per statement, after the records' own writes, in the
    /// same transaction.
    mutating func saveRemembered(at stamp: DatabaseValue, in db: Database) throws {
        remembered.sort { $0.fingerprint < $1.fingerprint }
        let rowsPerStatement = 300
        for start in stride(from: 0, to: remembered.count, by: rowsPerStatement) {
            let chunk = remembered[start..<min(start + rowsPerStatement, remembered.count)]
            let values = repeatElement("(?, ?, ?)", count: chunk.count).joined(separator: ", ")
            var arguments = StatementArguments()
            for (fingerprint, personId) in chunk { arguments += [fingerprint, personId, stamp] }
            let sql = "INSERT INTO importedContact (fingerprint, personId, importedAt) VALUES \(values)"
            // Full chunks share one cached statement; the last, shorter one is made once.
            try (chunk.count == rowsPerStatement ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql))
                .execute(arguments: arguments)
        }
        remembered.removeAll()
    }
}
