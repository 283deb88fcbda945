import Foundation
import GRDB

extension AppDatabase {
    /// Named, append-only migrations. Never edit one that has shipped: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        #if DEBUG
        migrator.eraseDatabaseOnSchemaChange = false
        #endif

        migrator.registerMigration("v1-people-events-meetings") { db in
            try db.create(table: "person") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.column("sortName", .text).notNull()
                t.column("normalizedName", .text).notNull()
                t.column("company", .text)
                t.column("title", .text)
                t.column("linkedinURL", .text)
                t.column("linkedinKey", .text).indexed()
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "person_sortName", on: "person", columns: ["sortName"])

            try db.create(table: "personEmail") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.column("email", .text).notNull().check { length($0) > 0 }
                t.column("normalized", .text).notNull().indexed()
                t.column("label", .text)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["personId", "normalized"])
            }
            try db.create(table: "personPhone") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.column("phone", .text).notNull().check { length($0) > 0 }
                t.column("normalized", .text).notNull().indexed()
                t.column("label", .text)
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["personId", "normalized"])
            }
            // Matching keys (normalised name tokens, canonical first names, phonetic keys):
            // candidates come from this index, never from a scan of every person.
            try db.create(table: "personKey", options: [.withoutRowID]) { t in
                t.column("kind", .text).notNull()
                t.column("key", .text).notNull()
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.primaryKey(["kind", "key", "personId"])
            }
            try db.create(index: "personKey_person", on: "personKey", columns: ["personId"])

            try db.create(table: "event") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                    .check(sql: "slug <> '' AND slug NOT GLOB '*[^a-z0-9._-]*'")
                t.column("name", .text).notNull().check { length($0) > 0 }
                t.column("series", .text).notNull().check { length($0) > 0 }.indexed()
                t.column("startDate", .text).notNull().check(sql: "date(startDate, '+0 days') IS startDate")
                t.column("endDate", .text).notNull().check(sql: "date(endDate, '+0 days') IS endDate")
                t.column("city", .text)
                t.column("timeZone", .text).notNull().defaults(to: "UTC")
                t.column("uid", .text).unique()
                t.column("createdAt", .datetime).notNull()
                t.check(sql: "endDate >= startDate")
            }

            try db.create(table: "meeting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.belongsTo("event", onDelete: .restrict).notNull()
                t.column("at", .datetime).notNull()
                t.column("booth", .text)
                t.column("context", .text)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(index: "meeting_person_at", on: "meeting", columns: ["personId", "at"])
            try db.create(index: "meeting_event_at", on: "meeting", columns: ["eventId", "at"])
        }

        migrator.registerMigration("v1-notes-facts-tags") { db in
            try db.create(table: "note") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.belongsTo("meeting", onDelete: .setNull)
                t.column("body", .text).notNull().check(sql: "trim(body) <> ''")
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(index: "note_person_createdAt", on: "note", columns: ["personId", "createdAt"])

            // A fact's history: the current value has supersededAt NULL; older values keep theirs.
            try db.create(table: "fact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.belongsTo("meeting", onDelete: .setNull)
                t.column("key", .text).notNull().check { length($0) > 0 }
                t.column("value", .text).notNull().check { length($0) > 0 }
                t.column("learnedAt", .datetime).notNull()
                t.column("supersededAt", .datetime)
            }
            try db.execute(sql: """
                CREATE UNIQUE INDEX fact_current ON fact(personId, key) WHERE supersededAt IS NULL
                """)

            try db.create(table: "tag", options: [.withoutRowID]) { t in
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.column("tag", .text).notNull().check { length($0) > 0 }
                t.column("createdAt", .datetime).notNull()
                t.primaryKey(["personId", "tag"])
            }
            try db.create(index: "tag_tag", on: "tag", columns: ["tag"])
        }

        migrator.registerMigration("v1-followups-merges") { db in
            try db.create(table: "followUp") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.belongsTo("event", onDelete: .restrict).notNull()
                t.belongsTo("meeting", onDelete: .setNull)
                t.column("state", .text).notNull().check(sql: """
                    state IN ('draft','approved','sending','sent','retry','failed','unknown','skipped')
                    """).indexed()
                t.column("toAddress", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                t.column("template", .text).notNull()
                t.column("missing", .text) // values the template needed and did not have
                t.column("dueAt", .datetime).notNull()
                t.column("messageId", .text).unique()
                t.column("message", .blob) // the frozen RFC 5322 bytes, made at approval
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("nextAttemptAt", .datetime)
                t.column("leaseUntil", .datetime)
                t.column("lastError", .text)
                t.column("lastReply", .integer)
                t.column("sentAt", .datetime)
                t.column("createdAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.uniqueKey(["personId", "eventId"])
            }

            // What a merge moved, so that `people unmerge` can put it back.
            try db.create(table: "mergeRecord") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("keptPerson", inTable: "person", onDelete: .cascade).notNull()
                t.column("mergedPersonId", .integer).notNull()
                t.column("snapshot", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("undoneAt", .datetime)
            }
        }

        // Full-text search: one row per person (rowid = person.id) holding everything a user
        // may remember them by. Triggers rebuild a person's row whenever anything it is made
        // of changes, so the index never needs a separate refresh.
        migrator.registerMigration("v2-person-search") { db in
            try db.create(virtualTable: "personSearch", using: FTS5()) { t in
                t.tokenizer = .unicode61(diacritics: .remove)
                t.prefixes = [2, 3, 4]
                t.column("name")
                t.column("aliases") // the normalised (transliterated) name
                t.column("company")
                t.column("title")
                t.column("tags")
                t.column("facts")
                t.column("places") // the events (name, city) where they were met
                t.column("notes")
            }

            /// SQL that rebuilds the rows of the people whose id satisfies `selector`.
            func rebuild(_ selector: String) -> String {
                """
                DELETE FROM personSearch WHERE rowid \(selector);
                INSERT INTO personSearch(rowid, name, aliases, company, title, tags, facts, places, notes)
                SELECT p.id, p.name, p.normalizedName, coalesce(p.company, ''), coalesce(p.title, ''),
                    coalesce((SELECT group_concat(t.tag, ' ') FROM tag t WHERE t.personId = p.id), ''),
                    coalesce((SELECT group_concat(f.key || ': ' || f.value, ' · ') FROM fact f
                              WHERE f.personId = p.id AND f.supersededAt IS NULL), ''),
                    coalesce((SELECT group_concat(e.name || coalesce(', ' || e.city, ''), ' · ') FROM event e
                              WHERE e.id IN (SELECT m.eventId FROM meeting m WHERE m.personId = p.id)), ''),
                    coalesce((SELECT group_concat(n.body, ' · ') FROM note n WHERE n.personId = p.id), '')
                FROM person p WHERE p.id \(selector);
                """
            }

            try db.execute(sql: """
                CREATE TRIGGER personSearch_person_ai AFTER INSERT ON person BEGIN
                \(rebuild("= NEW.id"))
                END;
                CREATE TRIGGER personSearch_person_au AFTER UPDATE OF id, name, normalizedName, company, title ON person BEGIN
                DELETE FROM personSearch WHERE rowid = OLD.id;
                \(rebuild("= NEW.id"))
                END;
                CREATE TRIGGER personSearch_person_ad AFTER DELETE ON person BEGIN
                DELETE FROM personSearch WHERE rowid = OLD.id;
                END;
                CREATE TRIGGER personSearch_event_au AFTER UPDATE OF name, city ON event BEGIN
                \(rebuild("IN (SELECT personId FROM meeting WHERE eventId = NEW.id)"))
                END;
                """)
            // The child tables: a change rebuilds the person it belongs to (both, when it moves).
            for (table, columns) in [("note", "personId, body"), ("fact", "personId, key, value, supersededAt"),
                                     ("tag", "personId, tag"), ("meeting", "personId, eventId")] {
                try db.execute(sql: """
                    CREATE TRIGGER personSearch_\(table)_ai AFTER INSERT ON \(table) BEGIN
                    \(rebuild("= NEW.personId"))
                    END;
                    CREATE TRIGGER personSearch_\(table)_au AFTER UPDATE OF \(columns) ON \(table) BEGIN
                    \(rebuild("= NEW.personId"))
                    END;
                    CREATE TRIGGER personSearch_\(table)_moved AFTER UPDATE OF personId ON \(table)
                    WHEN OLD.personId IS NOT NEW.personId BEGIN
                    \(rebuild("= OLD.personId"))
                    END;
                    CREATE TRIGGER personSearch_\(table)_ad AFTER DELETE ON \(table) BEGIN
                    \(rebuild("= OLD.personId"))
                    END;
                    """)
            }
            try db.execute(sql: rebuild("IS NOT NULL"))
        }

        // Bulk writes (imports) rebuild each touched person's search row once, at the end,
        // instead of after every insert: while `personSearch_deferring` holds its row (only
        // inside the writing transaction, see `AppDatabase.deferringSearchIndex`), the
        // triggers only note the person in `personSearch_pending`, and deleting the row
        // rebuilds every pending person in one statement, in rowid order (FTS5 appends
        // instead of flushing a segment per rebuild). Outside a batch the triggers do what
        // v2-person-search did, except that a meeting at an event the person was already met
        // at (or deleting one of several there) leaves `places`, so the row, as it was.
        // The tables are named after the index so that backups leave them out with it.
        migrator.registerMigration("v3-person-search-deferred") { db in
            try db.execute(sql: """
                CREATE TABLE personSearch_deferring (id INTEGER PRIMARY KEY CHECK (id = 1));
                CREATE TABLE personSearch_pending (personId INTEGER PRIMARY KEY);
                """)
            let deferring = Self.searchDeferring
            let rebuild = Self.rebuildPersonSearch

            /// A trigger that rebuilds at once, and its twin that only notes the people while
            /// a batch defers. `pending` is a VALUES or SELECT clause of person ids.
            func triggerPair(_ name: String, on event: String, when condition: String? = nil, rebuild body: String, pending: String) -> String {
                let also = condition.map { " AND \($0)" } ?? ""
                return """
                    DROP TRIGGER IF EXISTS \(name);
                    CREATE TRIGGER \(name) \(event) WHEN NOT \(deferring)\(also) BEGIN
                    \(body)
                    END;
                    CREATE TRIGGER \(name)_deferred \(event) WHEN \(deferring)\(also) BEGIN
                    INSERT OR IGNORE INTO personSearch_pending (personId) \(pending);
                    END;
                    """
            }

            try db.execute(sql: triggerPair(
                "personSearch_person_ai", on: "AFTER INSERT ON person",
                rebuild: rebuild("= NEW.id"), pending: "VALUES (NEW.id)"))
            try db.execute(sql: triggerPair(
                "personSearch_person_au", on: "AFTER UPDATE OF id, name, normalizedName, company, title ON person",
                rebuild: "DELETE FROM personSearch WHERE rowid = OLD.id;\n" + rebuild("= NEW.id"),
                pending: "VALUES (OLD.id), (NEW.id)"))
            try db.execute(sql: triggerPair(
                "personSearch_event_au", on: "AFTER UPDATE OF name, city ON event",
                rebuild: rebuild("IN (SELECT personId FROM meeting WHERE eventId = NEW.id)"),
                pending: "SELECT personId FROM meeting WHERE eventId = NEW.id"))
            for (table, columns) in [("note", "personId, body"), ("fact", "personId, key, value, supersededAt"),
                                     ("tag", "personId, tag"), ("meeting", "personId, eventId")] {
                // Places list each event once: another meeting at the same event changes nothing.
                let metThereBefore = table == "meeting"
                    ? "NOT EXISTS (SELECT 1 FROM meeting m WHERE m.personId = NEW.personId AND m.eventId = NEW.eventId AND m.id <> NEW.id)" : nil
                let metThereStill = table == "meeting"
                    ? "NOT EXISTS (SELECT 1 FROM meeting m WHERE m.personId = OLD.personId AND m.eventId = OLD.eventId)" : nil
                try db.execute(sql: triggerPair(
                    "personSearch_\(table)_ai", on: "AFTER INSERT ON \(table)", when: metThereBefore,
                    rebuild: rebuild("= NEW.personId"), pending: "VALUES (NEW.personId)"))
                try db.execute(sql: triggerPair(
                    "personSearch_\(table)_au", on: "AFTER UPDATE OF \(columns) ON \(table)",
                    rebuild: rebuild("= NEW.personId"), pending: "VALUES (NEW.personId)"))
                try db.execute(sql: triggerPair(
                    "personSearch_\(table)_moved", on: "AFTER UPDATE OF personId ON \(table)", when: "OLD.personId IS NOT NEW.personId",
                    rebuild: rebuild("= OLD.personId"), pending: "VALUES (OLD.personId)"))
                try db.execute(sql: triggerPair(
                    "personSearch_\(table)_ad", on: "AFTER DELETE ON \(table)", when: metThereStill,
                    rebuild: rebuild("= OLD.personId"), pending: "VALUES (OLD.personId)"))
            }
            // The end of a batch: every pending person at once, then nothing pending.
            try db.execute(sql: """
                CREATE TRIGGER personSearch_deferring_ad AFTER DELETE ON personSearch_deferring BEGIN
                \(rebuild("IN (SELECT personId FROM personSearch_pending)"))
                DELETE FROM personSearch_pending;
                END;
                """)
        }


        // "Was this person already met at this event?" (the search triggers ask it on every
        // meeting; merge and the follow-up drafts ask it too): without this index SQLite
        // answered it by scanning every meeting at the event, which grows with each check-in.
        migrator.registerMigration("v4-meeting-person-event") { db in
            try db.create(index: "meeting_person_event", on: "meeting", columns: ["personId", "eventId"])
        }

        // The search index as the triggers build it: every meeting, note or tag rewrites the
        // person's row, and each write leaves a small segment; FTS5 merges four segments of a
        // level at a time (automerge 4) and keeps the rewritten rows' old entries until a merge
        // reaches them. A book of 100,000 people ends with ~19 segments, and a search seeks every
        // one for each word and steps through the old entries (p99 12.5 ms on the bench mix).
        // `optimize` merges an existing index into one segment once (about 1 s for 100,000
        // people); automerge 2 then keeps later writes in fewer, more merged segments. (v10 sets
        // it back to 4: the check-ins' writer paid for those merges.)
        migrator.registerMigration("v5-search-compact-index") { db in
            try db.execute(sql: """
                INSERT INTO personSearch(personSearch) VALUES('optimize');
                INSERT INTO personSearch(personSearch, rank) VALUES('automerge', 2);
                """)
        }

        // Who a person is (name, alias, company, title, tags), for the first two tiers of a
        // search, where most queries stop. In the whole index a short prefix ("ber"*) is also
        // every note, fact and place holding such a word (Berlin), and both the walk and bm25's
        // statistics read all of it: "paul le" read 40,000 rows' entries to find 62 people.
        // Here it reads names, companies, titles and tags. A row changes with those only,
        // never with a meeting or a note. Like `personSearch`, it is written once at the end of
        // a bulk write: FTS5 flushes a segment for every statement that writes it, and 30,000
        // one-row segments made a LinkedIn import 2 s slower.
        migrator.registerMigration("v6-person-card-search") { db in
            try db.create(virtualTable: "personCardSearch", using: FTS5()) { t in
                t.tokenizer = .unicode61(diacritics: .remove)
                t.prefixes = [2, 3, 4]
                t.column("name")
                t.column("aliases") // the normalised (transliterated) name
                t.column("company")
                t.column("title")
                t.column("tags")
            }
            let rebuild = Self.rebuildPersonCardSearch
            let notDeferring = "NOT \(Self.searchDeferring)"
            // While a batch defers, `personSearch`'s triggers note the people it touches in
            // `personSearch_pending`, and the end of the batch rebuilds both indexes for them.
            try db.execute(sql: """
                CREATE TRIGGER personCardSearch_person_ai AFTER INSERT ON person WHEN \(notDeferring) BEGIN
                \(rebuild("= NEW.id"))
                END;
                CREATE TRIGGER personCardSearch_person_au AFTER UPDATE OF id, name, normalizedName, company, title ON person
                WHEN \(notDeferring) AND (OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.normalizedName IS NOT NEW.normalizedName
                    OR OLD.company IS NOT NEW.company OR OLD.title IS NOT NEW.title) BEGIN
                DELETE FROM personCardSearch WHERE rowid = OLD.id;
                \(rebuild("= NEW.id"))
                END;
                CREATE TRIGGER personCardSearch_person_ad AFTER DELETE ON person BEGIN
                DELETE FROM personCardSearch WHERE rowid = OLD.id;
                END;
                CREATE TRIGGER personCardSearch_tag_ai AFTER INSERT ON tag WHEN \(notDeferring) BEGIN
                \(rebuild("= NEW.personId"))
                END;
                CREATE TRIGGER personCardSearch_tag_au AFTER UPDATE OF personId, tag ON tag WHEN \(notDeferring) BEGIN
                \(rebuild("= OLD.personId"))
                \(rebuild("= NEW.personId"))
                END;
                CREATE TRIGGER personCardSearch_tag_ad AFTER DELETE ON tag WHEN \(notDeferring) BEGIN
                \(rebuild("= OLD.personId"))
                END;
                DROP TRIGGER personSearch_deferring_ad;
                CREATE TRIGGER personSearch_deferring_ad AFTER DELETE ON personSearch_deferring BEGIN
                \(Self.rebuildPersonSearch("IN (SELECT personId FROM personSearch_pending)"))
                \(rebuild("IN (SELECT personId FROM personSearch_pending)"))
                DELETE FROM personSearch_pending;
                END;
                \(rebuild("IS NOT NULL"))
                INSERT INTO personCardSearch(personCardSearch) VALUES('optimize');
                INSERT INTO personCardSearch(personCardSearch, rank) VALUES('automerge', 2);
                """)
        }

        // Which person each imported contact record became (added, merged into, or found
        // already holding it), by a fingerprint of the record's fields. The same record read
        // again is that person, unchanged, whatever the book has learnt since: another record
        // of the file may have added someone who would now make recognition hesitate.
        migrator.registerMigration("v7-imported-contact") { db in
            try db.create(table: "importedContact") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fingerprint", .text).notNull().unique()
                t.belongsTo("person", onDelete: .cascade).notNull()
                t.column("importedAt", .datetime).notNull()
            }
        }

        // The search triggers held 25 copies of the row-building SELECT: 27 KB of trigger text
        // that SQLite parses on every connection's first statement (opening the book and a
        // first statement took 3 ms, 1.1–1.7 ms with the views) and compiles into every
        // statement that fires them. Each row is now built
        // once, in a view, and the triggers read it. The same rows, the same order.
        // And four indexes that a composite one already leads with are dropped (every meeting,
        // note and name key written kept them too).
        migrator.registerMigration("v8-search-row-views") { db in
            try db.execute(sql: """
                CREATE VIEW personSearchRow AS
                SELECT p.id, p.name, p.normalizedName AS aliases, coalesce(p.company, '') AS company, coalesce(p.title, '') AS title,
                    coalesce((SELECT group_concat(t.tag, ' ') FROM tag t WHERE t.personId = p.id), '') AS tags,
                    coalesce((SELECT group_concat(f.key || ': ' || f.value, ' · ') FROM fact f
                              WHERE f.personId = p.id AND f.supersededAt IS NULL), '') AS facts,
                    coalesce((SELECT group_concat(e.name || coalesce(', ' || e.city, ''), ' · ') FROM event e
                              WHERE e.id IN (SELECT m.eventId FROM meeting m WHERE m.personId = p.id)), '') AS places,
                    coalesce((SELECT group_concat(n.body, ' · ') FROM note n WHERE n.personId = p.id), '') AS notes
                FROM person p;
                CREATE VIEW personCardSearchRow AS
                SELECT p.id, p.name, p.normalizedName AS aliases, coalesce(p.company, '') AS company, coalesce(p.title, '') AS title,
                    coalesce((SELECT group_concat(t.tag, ' ') FROM tag t WHERE t.personId = p.id), '') AS tags
                FROM person p;
                """)
            let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            for trigger in triggers {
                let name: String = trigger["name"]
                let sql: String = trigger["sql"]
                let rewritten = Self.readingSearchRowViews(sql)
                guard rewritten != sql else { continue }
                try db.execute(sql: "DROP TRIGGER \(name.quotedDatabaseIdentifier)")
                try db.execute(sql: rewritten)
            }
            for index in ["personKey_person", "meeting_on_personId", "meeting_on_eventId", "note_on_personId"] {
                try db.execute(sql: "DROP INDEX IF EXISTS \(index.quotedDatabaseIdentifier)")
            }
        }

        // Four more indexes on personId that the tables' own keys already lead with: emails'
        // and phones' UNIQUE (personId, normalized), tags' PRIMARY KEY (personId, tag) of a
        // WITHOUT ROWID table (its rows are that key's B-tree), follow-ups' UNIQUE (personId,
        // eventId). Every email, phone and tag written, by a check-in or an import, wrote a
        // second copy of its personId.
        migrator.registerMigration("v9-redundant-person-indexes") { db in
            for index in ["personEmail_on_personId", "personPhone_on_personId", "tag_on_personId", "followUp_on_personId"] {
                try db.execute(sql: "DROP INDEX IF EXISTS \(index.quotedDatabaseIdentifier)")
            }
        }

        // Automerge 2 on the search indexes (v5, v6) merged every two segments of a level, so a
        // run of check-ins, each rewriting a person's rows, cascaded into merges up to the
        // largest levels inside one writer's statement. On the 100,000-person book 300 check-ins
        // spent 1.75 G of their 2.73 G instructions in FTS5's merging at statement ends, and the
        // slowest of the bench's 2,250 took 50–97 ms. With 4 on both indexes: 1.26 G, the slowest
        // 6.5–9.6 ms, and a search still reads few segments (bench mix p99 2.2–3.3 ms CPU). With
        // the card index left at 2 the slowest check-in was still 21.7 ms.
        migrator.registerMigration("v10-search-automerge-4") { db in
            try db.execute(sql: """
                INSERT INTO personSearch(personSearch, rank) VALUES('automerge', 4);
                INSERT INTO personCardSearch(personCardSearch, rank) VALUES('automerge', 4);
                """)
        }

        return migrator
    }

    /// `sql` with every row-building INSERT of `rebuildPersonSearch` and
    /// `rebuildPersonCardSearch` (for any selector) reading the row from its view instead.
    static func readingSearchRowViews(_ sql: String) -> String {
        let forms = [
            (insert: "INSERT INTO personSearch(rowid, name, aliases, company, title, tags, facts, places, notes)", view: "personSearchRow"),
            (insert: "INSERT INTO personCardSearch(rowid, name, aliases, company, title, tags)", view: "personCardSearchRow"),
        ]
        var text = sql
        for form in forms {
            let head = form.insert + "\nSELECT p.id, p.name, p.normalizedName,"
            let selectorStart = "FROM person p WHERE p.id "
            let end = " ORDER BY p.id;"
            var out = ""
            var rest = text[...]
            while let start = rest.range(of: head),
                  let selector = rest[start.upperBound...].range(of: selectorStart),
                  let close = rest[selector.upperBound...].range(of: end) {
                out += rest[..<start.lowerBound]
                out += "\(form.insert)\nSELECT * FROM \(form.view) WHERE id \(rest[selector.upperBound..<close.lowerBound]) ORDER BY id;"
                rest = rest[close.upperBound...]
            }
            text = out + rest
        }
        return text
    }

    /// True while a bulk write defers the search indexes (`deferringSearchIndex`).
    static let searchDeferring = "EXISTS (SELECT 1 FROM personSearch_deferring)"

    /// SQL that rebuilds the `personCardSearch` rows of the people whose id satisfies
    /// `selector` (tags in the order `personSearch` lists them).
    static func rebuildPersonCardSearch(_ selector: String) -> String {
        """
        DELETE FROM personCardSearch WHERE rowid \(selector);
        INSERT INTO personCardSearch(rowid, name, aliases, company, title, tags)
        SELECT p.id, p.name, p.normalizedName, coalesce(p.company, ''), coalesce(p.title, ''),
            coalesce((SELECT group_concat(t.tag, ' ') FROM tag t WHERE t.personId = p.id), '')
        FROM person p WHERE p.id \(selector) ORDER BY p.id;
        """
    }

    /// SQL that rebuilds the `personSearch` rows of the people whose id satisfies `selector`
    /// (as of migration "v3-person-search-deferred").
    static func rebuildPersonSearch(_ selector: String) -> String {
        """
        DELETE FROM personSearch WHERE rowid \(selector);
        INSERT INTO personSearch(rowid, name, aliases, company, title, tags, facts, places, notes)
        SELECT p.id, p.name, p.normalizedName, coalesce(p.company, ''), coalesce(p.title, ''),
            coalesce((SELECT group_concat(t.tag, ' ') FROM tag t WHERE t.personId = p.id), ''),
            coalesce((SELECT group_concat(f.key || ': ' || f.value, ' · ') FROM fact f
                      WHERE f.personId = p.id AND f.supersededAt IS NULL), ''),
            coalesce((SELECT group_concat(e.name || coalesce(', ' || e.city, ''), ' · ') FROM event e
                      WHERE e.id IN (SELECT m.eventId FROM meeting m WHERE m.personId = p.id)), ''),
            coalesce((SELECT group_concat(n.body, ' · ') FROM note n WHERE n.personId = p.id), '')
        FROM person p WHERE p.id \(selector) ORDER BY p.id;
        """
    }
}
