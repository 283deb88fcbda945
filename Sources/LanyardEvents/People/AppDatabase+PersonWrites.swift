import Foundation
import GRDB
import LanyardFormats
import LanyardStore

extension AppDatabase {
    /// Creates a person from a contact (name, emails, phones, company, title, LinkedIn) with
    /// its sort name, normalised name and index keys. When the contact has no name, the first
    /// email, phone or LinkedIn key stands in (and is not indexed as a name).
    public static func createPerson(from contact: ContactCard, at date: Date = Date(), in db: Database) throws -> Person {
        let query = ContactQuery(contact)
        var person = Person(name: "", sortName: "", normalizedName: "", createdAt: date, updatedAt: date)
        applyName(query.name, fallback: placeholderName(for: contact), to: &person)
        person.company = trimmed(contact.organization)
        person.title = trimmed(contact.title)
        if let url = contact.linkedinURL, let key = ContactNormalizer.linkedin(url) {
            person.linkedinURL = url.trimmingCharacters(in: .whitespaces)
            person.linkedinKey = key
        }
        try person.insert(db)
        try addDetails(of: contact, to: person.id!, at: date, in: db)
        try insertKeys(for: person, in: db)
        return person
    }

    /// Adds what a recognised contact brings to `person`: new emails and phones, the newest
    /// company and title, a LinkedIn profile when none was known, a real name where only an
    /// email stood in. Keys are kept in sync. Returns false when the person already held
    /// everything the contact brings (nothing was written).
    @discardableResult
    public static func absorb(_ contact: ContactCard, into person: inout Person, at date: Date = Date(), in db: Database) throws -> Bool {
        var changed = false
        if person.normalizedName.isEmpty, let name = PersonName(card: contact) {
            applyName(name, fallback: person.name, to: &person)
            changed = true
        }
        if let company = trimmed(contact.organization), company != person.company {
            person.company = company
            changed = true
        }
        if let title = trimmed(contact.title), title != person.title {
            person.title = title
            changed = true
        }
        if person.linkedinKey == nil, let url = contact.linkedinURL, let key = ContactNormalizer.linkedin(url) {
            person.linkedinURL = url.trimmingCharacters(in: .whitespaces)
            person.linkedinKey = key
            changed = true
        }
        if changed {
            person.updatedAt = date
            try person.update(db)
            try syncKeys(for: person, in: db)
        }
        let added = try addDetails(of: contact, to: person.id!, at: date, in: db)
        return changed || added > 0
    }

    /// Rewrites the `personKey` rows of a person from its normalised name.
    public static func syncKeys(for person: Person, in db: Database) throws {
        guard let id = person.id else { return }
        try db.cachedStatement(sql: "DELETE FROM personKey WHERE personId = ?").execute(arguments: [id])
        try insertKeys(for: person, in: db)
    }

    static func insertKeys(for person: Person, in db: Database) throws {
        guard let id = person.id, !person.normalizedName.isEmpty,
              let name = PersonName(normalized: person.normalizedName, display: person.name) else { return }
        for key in PersonKeys.keys(for: name) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO personKey (kind, key, personId) VALUES (?, ?, ?)")
                .execute(arguments: [key.kind, key.key, id])
        }
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
        var added = 0
        if !contact.emails.isEmpty {
            var known = Set(try String.fetchAll(db, sql: "SELECT normalized FROM personEmail WHERE personId = ?", arguments: [personId]))
            for email in contact.emails {
                guard let key = ContactNormalizer.email(email.value), known.insert(key).inserted else { continue }
                var row = PersonEmail(personId: personId, email: email.value.trimmingCharacters(in: .whitespaces), normalized: key, label: email.label, createdAt: date)
                try row.insert(db)
                added += 1
            }
        }
        if !contact.phones.isEmpty {
            var known = Set(try String.fetchAll(db, sql: "SELECT normalized FROM personPhone WHERE personId = ?", arguments: [personId]))
            for phone in contact.phones {
                guard let key = ContactNormalizer.phone(phone.value), known.insert(key).inserted else { continue }
                var row = PersonPhone(personId: personId, phone: phone.value.trimmingCharacters(in: .whitespaces), normalized: key, label: phone.label, createdAt: date)
                try row.insert(db)
                added += 1
            }
        }
        return added
    }

    static func placeholderName(for contact: ContactCard) -> String {
        contact.emails.first?.value.trimmingCharacters(in: .whitespaces)
            ?? contact.phones.first?.value.trimmingCharacters(in: .whitespaces)
            ?? contact.linkedinURL.flatMap(ContactNormalizer.linkedin)
            ?? "Unknown"
    }

    static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
