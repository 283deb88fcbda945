import ArgumentParser
import Foundation
import LanyardNotes
import LanyardStore

/// `lanyard tag PERSON TAG...`
struct TagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Tag a person (tags are kebab-case: \"Swift Community\" → swift-community).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: TagArguments

    func run() async throws {
        let db = try store.open()
        let person = try db.resolvePerson(target.person)
        try TagResult.print(person: person, tags: db.addTags(target.tags, personId: person.id!), json: output.json)
    }
}

/// `lanyard untag PERSON TAG...`
struct UntagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untag", abstract: "Remove tags from a person.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: TagArguments

    func run() async throws {
        let db = try store.open()
        let person = try db.resolvePerson(target.person)
        try TagResult.print(person: person, tags: db.removeTags(target.tags, personId: person.id!), json: output.json)
    }
}

/// `PERSON TAG...`, shared by `tag` and `untag`.
struct TagArguments: ParsableArguments {
    @Argument(help: "An id, or a name only one person has.")
    var person: String
    @Argument(help: "One or more tags.")
    var tags: [String] = []

    func validate() throws {
        if tags.isEmpty { throw ValidationError("name at least one tag") }
    }
}

/// What `tag` and `untag` print: the person's tags afterwards.
struct TagResult: Codable {
    var personId: Int64
    var name: String
    var tags: [String]

    static func print(person: Person, tags: [String], json: Bool) throws {
        if json {
            try Console.current.json(TagResult(personId: person.id!, name: person.name, tags: tags))
        } else {
            Console.current.line("\(person.name): \(tags.isEmpty ? "no tags" : tags.joined(separator: ", "))")
        }
    }
}
