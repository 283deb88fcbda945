import ArgumentParser
import Foundation
import LanyardNotes
import LanyardStore

/// `lanyard facts ...`: named personal details, with their history.
struct FactsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Set, remove and list personal details (family, interests, ask-about, ...).",
        subcommands: [Set.self, Remove.self, List.self]
    )

    /// `lanyard facts set PERSON KEY VALUE... [--meeting ID]`
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a fact; an older value stays in the history.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "An id, or a name only one person has.")
        var person: String
        @Argument(help: "Any name, like family, hometown or \"ask about\" (stored as kebab-case).")
        var key: String
        @Argument(help: "The value (several words are joined with spaces).")
        var value: [String] = []
        @Option(help: ArgumentHelp("The meeting it was learned at.", valueName: "id"))
        var meeting: Int64?

        func run() async throws {
            let db = try store.open()
            let person = try db.resolvePerson(person)
            let fact = try db.setFact(personId: person.id!, key: key, value: value.joined(separator: " "), meetingId: meeting)
            if output.json {
                try Console.current.json(fact)
            } else {
                Console.current.line("\(person.name): \(fact.key) = \(fact.value)")
            }
        }
    }

    /// `lanyard facts rm PERSON KEY`
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Remove a fact (its history is kept).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "An id, or a name only one person has.")
        var person: String
        @Argument(help: "The fact's name.")
        var key: String

        func run() async throws {
            let db = try store.open()
            let person = try db.resolvePerson(person)
            let fact = try db.removeFact(personId: person.id!, key: key)
            if output.json {
                try Console.current.json(fact)
            } else {
                Console.current.line("\(person.name): removed \(fact.key) (was \(fact.value)).")
            }
        }
    }

    /// `lanyard facts list PERSON [--history]`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a person's facts.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "An id, or a name only one person has.")
        var person: String
        @Flag(help: "Also list earlier and removed values, newest first.")
        var history = false

        func run() async throws {
            let db = try store.open()
            let person = try db.resolvePerson(person)
            let facts = try history ? db.factHistory(personId: person.id!) : db.currentFacts(personId: person.id!)
            let console = Console.current
            if output.json {
                try console.json(facts)
                return
            }
            if facts.isEmpty { console.line("No facts on \(person.name) yet.") }
            for fact in facts {
                let learned = CalendarDay(fact.learnedAt, in: .current)
                let until = fact.supersededAt.map { ", until \(CalendarDay($0, in: .current))" } ?? ""
                console.line("\(fact.key): \(fact.value)  (learned \(learned)\(until))")
            }
        }
    }
}
