import Foundation
import GRDB
import LanyardFormats
import LanyardStore

extension AppDatabase {
    /// Every person as vCard 4.0, in address-book order: names, emails, phones, company,
    /// title, LinkedIn URL, notes (oldest first) and tags (as CATEGORIES).
    public func exportVCards(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (text: String, count: Int) {
        try reader.read { db in
            let people = try Person.all().orderedBySortName().fetchAll(db)
            let emails = Dictionary(grouping: try PersonEmail.order(Column("id")).fetchAll(db), by: \.personId)
            let phones = Dictionary(grouping: try PersonPhone.order(Column("id")).fetchAll(db), by: \.personId)
            let notes = Dictionary(grouping: try Note.order(Note.Columns.createdAt, Note.Columns.id).fetchAll(db), by: \.personId)
            let tags = Dictionary(grouping: try Tag.order(Tag.Columns.tag).fetchAll(db), by: \.personId)
            var text = ""
            for (index, person) in people.enumerated() {
                let id = person.id ?? 0
                let card = Self.contactCard(person, emails: emails[id] ?? [], phones: phones[id] ?? [], notes: notes[id] ?? [], tags: tags[id] ?? [])
                text += VCardWriter.write(card, uid: "urn:lanyard:person:\(id)", revision: person.updatedAt)
                if (index + 1) % 500 == 0 || index + 1 == people.count { progress?(index + 1, people.count) }
            }
            return (text, people.count)
        }
    }

    /// A person as the plain card the vCard writer takes. The structured name comes from
    /// `sortName` ("Lovelace, Ada"); without a comma the last word is the family name.
    static func contactCard(_ person: Person, emails: [PersonEmail], phones: [PersonPhone], notes: [Note], tags: [Tag]) -> ContactCard {
        var card = ContactCard(fullName: person.name, organization: person.company, title: person.title)
        if let comma = person.sortName.firstIndex(of: ",") {
            card.familyName = person.sortName[..<comma].trimmingCharacters(in: .whitespaces)
            card.givenName = person.sortName[person.sortName.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        } else {
            var words = person.name.split(separator: " ").map(String.init)
            card.familyName = words.popLast()
            card.givenName = words.isEmpty ? nil : words.joined(separator: " ")
        }
        card.emails = emails.map { ContactCard.Labeled($0.email, label: $0.label) }
        card.phones = phones.map { ContactCard.Labeled($0.phone, label: $0.label) }
        card.linkedinURL = person.linkedinURL
        card.note = notes.isEmpty ? nil : notes.map(\.body).joined(separator: "\n\n")
        card.categories = tags.map(\.tag)
        return card
    }
}
