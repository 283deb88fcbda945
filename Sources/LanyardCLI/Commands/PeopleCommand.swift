import ArgumentParser
import Foundation
import LanyardEvents
import LanyardStore

/// `lanyard people ...`: the people you met.
struct PeopleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List, merge, unmerge and forget people.",
        subcommands: [List.self, PeopleShow.self, Merge.self, Unmerge.self, Forget.self]
    )

    /// `lanyard people list [--json]`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List everyone, in address-book order.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Show at most this many.")
        var limit: Int?

        func run() async throws {
            let people = try store.open().people(limit: limit)
            let console = Console.current
            if output.json {
                try console.json(people)
                return
            }
            if people.isEmpty {
                console.line("No people yet. Check someone in with `lanyard checkin --event SLUG --name NAME`.")
                return
            }
            for person in people {
                let company = person.company.map { ", \($0)" } ?? ""
                let email = person.emails.first.map { " <\($0)>" } ?? ""
                let met = person.meetings == 1 ? "1 meeting" : "\(person.meetings) meetings"
                console.line("\(String(person.id).padding(toLength: 6, withPad: " ", startingAt: 0)) \(person.name)\(company)\(email) — \(met)")
            }
        }
    }

    /// `lanyard people merge KEEP OTHER`
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge OTHER into KEEP (meetings, notes, follow-ups, emails, phones move); undo with `people unmerge OTHER`.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The person to keep.")
        var keep: Int64
        @Argument(help: "The person to merge into KEEP (removed).")
        var other: Int64

        func validate() throws {
            if keep == other { throw ValidationError("KEEP and OTHER must be two different people") }
        }

        func run() async throws {
            let summary = try store.open().merge(keep: keep, other: other)
            let console = Console.current
            if output.json {
                try console.json(summary)
            } else {
                console.line("Merged #\(other) into #\(keep) \(summary.kept.name): \(summary.meetings) meetings, \(summary.notes) notes, \(summary.emails) emails, \(summary.phones) phones. Undo with `lanyard people unmerge \(other)`.")
            }
        }
    }

    /// `lanyard people unmerge ID`
    struct Unmerge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unmerge", abstract: "Undo the merge of the person who had ID, restoring them under that id.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The id the merged person had.")
        var id: Int64

        func run() async throws {
            let person = try store.open().unmerge(mergedPersonId: id)
            let console = Console.current
            if output.json {
                try console.json(person)
            } else {
                console.line("Restored #\(person.id) \(person.name).")
            }
        }
    }

    /// `lanyard people forget ID`
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "forget", abstract: "Delete a person and everything about them (the right to be forgotten).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The person's id.")
        var id: Int64
        @Flag(help: "Do not ask for confirmation on a terminal.")
        var yes = false

        func run() async throws {
            let console = Console.current
            let db = try store.open()
            if console.isInteractive, !yes, !output.json {
                let person = try db.person(id: id)
                guard console.confirm("Forget #\(id) \(person.name) and everything about them? [y/N]") else {
                    console.message("Nothing deleted.")
                    return
                }
            }
            let summary = try db.forget(personId: id)
            if output.json {
                try console.json(summary)
            } else {
                console.line("Forgot #\(summary.personId) \(summary.name): \(summary.meetings) meetings, \(summary.notes) notes, \(summary.followUps) follow-ups deleted.")
            }
        }
    }
}
