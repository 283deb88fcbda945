import ArgumentParser
import Foundation
import LanyardNotes
import LanyardStore

/// `lanyard people show PERSON [--json]`: the profile to read before walking up to someone.
struct PeopleShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything about a person: contacts, facts, tags, meetings, notes, follow-ups.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "An id, or a name only one person has.")
    var person: String

    func run() async throws {
        let db = try store.open()
        let profile = try db.profile(personId: db.resolvePerson(person).id!)
        if output.json {
            try Console.current.json(profile)
        } else {
            Console.current.line(profile.text())
        }
    }
}
