import ArgumentParser
import Foundation
import LanyardEvents
import LanyardInterchange
import LanyardStore

/// `lanyard events ...`: conference editions.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Add, list and import conference editions.",
        subcommands: [Add.self, List.self, Import.self, Export.self]
    )

    /// `lanyard events add SLUG --name NAME --series SERIES --start YYYY-MM-DD ...`
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add one edition of a series.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "A short stable name, like swiftconf-2026.")
        var slug: String
        @Option(help: "The edition's name, like \"SwiftConf 2026\".")
        var name: String
        @Option(help: "The series it belongs to, like swiftconf.")
        var series: String
        @Option(help: ArgumentHelp("First day.", valueName: "YYYY-MM-DD"))
        var start: String
        @Option(help: ArgumentHelp("Last day (default: the first day).", valueName: "YYYY-MM-DD"))
        var end: String?
        @Option(help: "The city it takes place in.")
        var city: String?
        @Option(name: .customLong("timezone"), help: ArgumentHelp("Its time zone (default UTC).", valueName: "TZ"))
        var timeZone: String?

        func validate() throws {
            do {
                _ = try draft.validated()
            } catch let error as EventError {
                if case let .invalidField(field, message) = error {
                    throw ValidationError("--\(field == "slug" ? "slug" : field): \(message)")
                }
                throw error
            }
        }

        var draft: EventDraft {
            EventDraft(slug: slug, name: name, series: series, start: start, end: end, city: city, timeZone: timeZone)
        }

        func run() async throws {
            let event = try store.open().addEvent(draft)
            let console = Console.current
            if output.json {
                try console.json(EventView(event))
            } else {
                console.line("Added \(event.name) (\(event.slug)), \(EventView.dateRange(event)).")
            }
        }
    }

    /// `lanyard events list [--json]`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List every edition, oldest first.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let events = try store.open().events()
            let console = Console.current
            if output.json {
                try console.json(events.map(EventView.init))
                return
            }
            if events.isEmpty {
                console.line("No events yet. Add one with `lanyard events add` or `lanyard events import FILE.ics`.")
                return
            }
            for event in events {
                let city = event.city.map { ", \($0)" } ?? ""
                console.line("\(event.slug.padding(toLength: max(24, event.slug.count), withPad: " ", startingAt: 0))  \(event.name) — \(EventView.dateRange(event))\(city)")
            }
        }
    }

    /// `lanyard events import FILE...`
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Import editions from iCalendar (.ics) files.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "iCalendar files; every VEVENT becomes an edition.")
        var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("name at least one .ics file") }
        }

        func run() async throws {
            let summary = try store.open().importEvents(files: files.map { URL(fileURLWithPath: $0) })
            let console = Console.current
            if output.json {
                try console.json(summary)
                return
            }
            for warning in summary.warnings { console.message("warning: \(warning)") }
            if summary.added.isEmpty, summary.updated.isEmpty, summary.unchanged.isEmpty {
                console.line("Nothing imported: \(files.count == 1 ? "the file holds" : "the files hold") no VEVENT.")
            } else {
                console.line("Imported \(summary.added.count) new, \(summary.updated.count) updated, \(summary.unchanged.count) unchanged.")
            }
        }
    }

    /// `lanyard events export [--output FILE]`
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every edition as an iCalendar (.ics) file that `events import` reads back.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
        var outputFile: String?

        func validate() throws {
            if output.json, outputFile == nil { throw ValidationError("--json needs --output FILE (the calendar itself is not JSON)") }
        }

        func run() async throws {
            let database = try store.open()
            let text = try database.eventsCalendar()
            let console = Console.current
            guard let outputFile else {
                console.writeOut(text)
                return
            }
            try OutputFile.write(Data(text.utf8), to: outputFile)
            let count = try database.events().count
            if output.json {
                try console.json(ExportSummary(file: outputFile, rows: ["event": count]))
            } else {
                console.line("Exported \(count) editions to \(outputFile).")
            }
        }
    }
}
