import Foundation
import GRDB
import LanyardFormats
import LanyardStore

extension AppDatabase {
    /// Creates a person from a contact (name, emails, phones, company, title, LinkedIn) with
    /// its sort name, normalised name and index keys. When the contact has no name, the first
    /// email, phone or LinkedIn key stands in (and is not indexed as a name).
    public static func createPerson(from contact: ContactCard, at date: Date = Date(), in db: Database) throws -> Person {
        try createPerson(from: contact, query: ContactQuery(contact), at: date, in: db)
    }

    /// `createPerson(from:at:in:)` for a contact already reduced to `query` (by recognition),
    /// so that its name, emails and LinkedIn key are not worked out twice. Every row is
    /// written through a prepared statement: an import calls this once per new contact.
    public static func createPerson(from contact: ContactCard, query: ContactQuery, at date: Date = Date(), in db: Database) throws -> Person {
        try insertPerson(from: contact, query: query, at: date, in: db).person
    }

    /// `createPerson(from:query:at:in:)` inside a batch that `prefilter` answers for: the new
    /// person's keys, as just stored, are noted in it (`RecognitionPrefilter.noteNewPerson`)
    /// without being worked out again.
    public static func createPerson(from contact: ContactCard, query: ContactQuery, at date: Date = Date(),
                                    noting prefilter: inout RecognitionPrefilter?, in db: Database) throws -> Person {
        let stored = try insertPerson(from: contact, query: query, at: date, in: db)
        prefilter?.noteNewPerson(stored.person, nameKeys: stored.keys, query: query)
        return stored.person
    }

    /// `createPerson(from:query:at:in:)`, also returning the emails and phones it stored (as
    /// stored, in the order of their ids): the check-in answer shows them without reading
    /// them back.
    static func insertPerson(from contact: ContactCard, query: ContactQuery, at date: Date, in db: Database) throws -> StoredPerson {
        var person = Person(name: "", sortName: "", normalizedName: "", createdAt: date, updatedAt: date)
        applyName(query.name, fallback: query.name == nil ? placeholderName(for: contact) : "", to: &person)
        person.company = trimmed(contact.organization)
        person.title = trimmed(contact.title)
        if let url = contact.linkedinURL, let key = query.linkedinKey {
            person.linkedinURL = url.trimmingWhitespace(.whitespaces)
            person.linkedinKey = key
        }
        let stamp = StoredDate.value(of: date)
        try db.cachedStatement(sql: """
            INSERT INTO person (name, sortName, normalizedName, company, title, linkedinURL, linkedinKey, createdAt, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [person.name, person.sortName, person.normalizedName, person.company, person.title,
                                     person.linkedinURL, person.linkedinKey, stamp, stamp])
        person.id = db.lastInsertedRowID
        let details = try addDetails(of: contact, to: person.id!, stamp: stamp, knownEmails: [], knownPhones: [], reducedTo: query, in: db)
        let keys = try insertKeys(for: person, in: db)
        return StoredPerson(person: person, emails: details.emails, phones: details.phones, keys: keys)
    }

    /// Adds what a recognised contact brings to `person`: new emails and phones, the newest
    /// company and title, a LinkedIn profile when none was known, a real name where only an
    /// email stood in. Keys are kept in sync. Returns false when the person already held
    /// everything the contact brings (nothing was written).
    ///
    /// `keepingKnown`: the company and title are taken only where the person has none. An
    /// import asks this for a person an earlier record of the same file already wrote: two
    /// records of one person ("Müller GmbH", "Mueller") would otherwise overwrite each other
    /// on every re-import, and the file's first record is the one that says who they are now.
    @discardableResult
    public static func absorb(_ contact: ContactCard, into person: inout Person, at date: Date = Date(), keepingKnown: Bool = false, in db: Database) throws -> Bool {
        let (emails, phones) = try storedKeys(of: contact, personId: person.id!, in: db)
        let (changed, added) = try absorb(contact, into: &person, at: date, knownEmails: emails, knownPhones: phones, keepingKnown: keepingKnown, in: db)
        return changed || !added.emails.isEmpty || !added.phones.isEmpty
    }

    /// `absorb(_:into:at:keepingKnown:in:)` given the normalised emails and phones the person
    /// already has; returns whether the person's row changed and the emails and phones it added
    /// (as stored).
    static func absorb(_ contact: ContactCard, into person: inout Person, at date: Date,
                       knownEmails: Set<String>, knownPhones: Set<String>, keepingKnown: Bool = false,
                       in db: Database) throws -> (changed: Bool, added: AddedDetails) {
        var changed = false
        if person.normalizedName.isEmpty, let name = PersonName(card: contact) {
            applyName(name, fallback: person.name, to: &person)
            changed = true
        }
        if let company = trimmed(contact.organization), company != person.company, !keepingKnown || person.company == nil {
            person.company = company
            changed = true
        }
        if let title = trimmed(contact.title), title != person.title, !keepingKnown || person.title == nil {
            person.title = title
            changed = true
        }
        if person.linkedinKey == nil, let url = contact.linkedinURL, let key = ContactNormalizer.linkedin(url) {
            person.linkedinURL = url.trimmingWhitespace(.whitespaces)
            person.linkedinKey = key
            changed = true
        }
        if changed {
            person.updatedAt = date
            try person.update(db)
            try syncKeys(for: person, in: db)
        }
        let added = try addDetails(of: contact, to: person.id!, stamp: StoredDate.value(of: date),
                                   knownEmails: knownEmails, knownPhones: knownPhones, in: db)
        return (changed, added)
    }

    /// Rewrites the `personKey` rows of a person from its normalised name.
    public static func syncKeys(for person: Person, in db: Database) throws {
        guard let id = person.id else { return }
        try db.cachedStatement(sql: "DELETE FROM personKey WHERE personId = ?").execute(arguments: [id])
        try insertKeys(for: person, in: db)
    }

    /// Inserts the `personKey` rows of `storedKeys(for: person)`; returns those keys.
    @discardableResult
    static func insertKeys(for person: Person, in db: Database) throws -> Set<PersonKeyValue> {
        guard let id = person.id else { return [] }
        let keys = storedKeys(for: person)
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO personKey (kind, key, personId) VALUES (?, ?, ?)")
        for key in keys {
            try insert.execute(arguments: [key.kind, key.key, id])
        }
        return keys
    }

    /// The `personKey` rows a person's normalised name is stored with (none for a stand-in name).
    static func storedKeys(for person: Person) -> Set<PersonKeyValue> {
        guard !person.normalizedName.isEmpty,
              let name = PersonName(normalized: person.normalizedName, display: person.name) else { return [] }
        return PersonKeys.keys(for: name)
    }

    /// Sets `name`, `sortName` and `normalizedName` from a parsed name (or a stand-in).
    public static func applyName(_ name: PersonName?, fallback: String, to person: inout Person) {
        if let name {
            person.name = name.display
            person.sortName = name.sortName
            person.normalizedName = name.normalized
        } else {
            person.name = fallback
            person.sortName = fallback
            person.normalizedName = ""
        }
    }

    /// Adds the emails and phones of `contact` that the person does not have yet; returns how
    /// many rows were added. Known ones are not even attempted, so a repeated import leaves
    /// every row and counter as it was.
    @discardableResult
    static func addDetails(of contact: ContactCard, to personId: Int64, at date: Date, in db: Database) throws -> Int {
        let (emails, phones) = try storedKeys(of: contact, personId: personId, in: db)
        return try addDetails(of: contact, to: personId, stamp: StoredDate.value(of: date), knownEmails: emails, knownPhones: phones, in: db).count
    }

    /// The normalised emails and phones a person has, each read only when `contact` has some.
    private static func storedKeys(of contact: ContactCard, personId: Int64, in db: Database) throws -> (emails: Set<String>, phones: Set<String>) {
        let emails = contact.emails.isEmpty ? [] : Set(try String.fetchAll(
            db.cachedStatement(sql: "SELECT normalized FROM personEmail WHERE personId = ?"), arguments: [personId]))
        let phones = contact.phones.isEmpty ? [] : Set(try String.fetchAll(
            db.cachedStatement(sql: "SELECT normalized FROM personPhone WHERE personId = ?"), arguments: [personId]))
        return (emails, phones)
    }

    /// The writing half of `addDetails`, given the keys the person already has (none for a
    /// person just made) and the creation date as stored. `query`: the contact already reduced
    /// to its keys (`ContactQuery(contact)`), whose normalised emails and phones are reused
    /// instead of worked out again where they line up with the contact's.
    @discardableResult
    static func addDetails(of contact: ContactCard, to personId: Int64, stamp: DatabaseValue,
                           knownEmails: Set<String>, knownPhones: Set<String>, reducedTo query: ContactQuery? = nil,
                           in db: Database) throws -> AddedDetails {
        AddedDetails(
            emails: try insertContacts(contact.emails, table: "personEmail", column: "email", known: knownEmails,
                                       keys: query?.emails, key: ContactNormalizer.email, personId: personId, stamp: stamp, in: db),
            phones: try insertContacts(contact.phones, table: "personPhone", column: "phone", known: knownPhones,
                                       keys: query?.phones, key: ContactNormalizer.phone, personId: personId, stamp: stamp, in: db))
    }

    /// Inserts the emails or phones whose normalised key is not in `known` (nor repeated in
    /// `values`); returns them as stored, in order. `keys`: the values' keys as `ContactQuery`
    /// worked them out (valid ones, first of each), used only when there are as many as values:
    /// then every value was valid and distinct, and `keys[i]` is `key(values[i].value)`.
    private static func insertContacts(
        _ values: [ContactCard.Labeled], table: String, column: String, known: Set<String>,
        keys: [String]? = nil, key: (String) -> String?, personId: Int64, stamp: DatabaseValue, in db: Database
    ) throws -> [String] {
        guard !values.isEmpty else { return [] }
        let reduced = keys.flatMap { $0.count == values.count ? $0 : nil }
        var known = known
        var added: [String] = []
        let insert = try db.cachedStatement(sql: "INSERT INTO \(table) (personId, \(column), normalized, label, createdAt) VALUES (?, ?, ?, ?, ?)")
        for (index, value) in values.enumerated() {
            guard let normalized = reduced?[index] ?? key(value.value), known.insert(normalized).inserted else { continue }
            let stored = value.value.trimmingWhitespace(.whitespaces)
            try insert.execute(arguments: [personId, stored, normalized, value.label, stamp])
            added.append(stored)
        }
        return added
    }

    static func placeholderName(for contact: ContactCard) -> String {
        contact.emails.first?.value.trimmingWhitespace(.whitespaces)
            ?? contact.phones.first?.value.trimmingWhitespace(.whitespaces)
            ?? contact.linkedinURL.flatMap(ContactNormalizer.linkedin)
            ?? "Unknown"
    }

    static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingWhitespace(.whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

/// A person just inserted, with the emails and phones stored for them (in id order) and
/// their `personKey` rows.
struct StoredPerson {
    var person: Person
    var emails: [String]
    var phones: [String]
    var keys: Set<PersonKeyValue>
}

/// The emails and phones a write added to a person, as stored, in id order.
struct AddedDetails {
    var emails: [String] = []
    var phones: [String] = []

    var count: Int { emails.count + phones.count }
}
