import ArgumentParser
import Foundation
import LanyardBriefing
import LanyardStore

/// `lanyard brief EVENT`: who you met at earlier editions, before you go.
struct BriefCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Brief yourself before an edition: who you met at earlier ones, what you know, what is open.",
        discussion: """
            Section 1 lists everyone met at earlier editions of the event's series; section 2 lists
            people met anywhere in the last 12 months (or since --since) who are tagged or noted
            with the event's city or series, or were met in that city. People are ordered by
            relationship strength: 3 × meetings + 2 × notes + 4 × follow-ups sent + recency
            (6 within 90 days, 4 within 180, 2 within 365).
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The upcoming or current edition, like swiftconf-2026.")
    var event: String
    @Option(help: ArgumentHelp("Only editions from this day on; section 2 starts here too (default: 12 months back).", valueName: "YYYY-MM-DD"))
    var since: String?
    @Option(help: "text, markdown, json or html (default: text; --json means json).")
    var format: BriefingFormat?
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the briefing to this file instead of stdout.", valueName: "file"))
    var outputFile: String?
    @Option(name: .customLong("stale-after"), help: ArgumentHelp("Flag people with no contact for more than this many days.", valueName: "days"))
    var staleAfterDays = Briefing.defaultStaleAfterDays

    func validate() throws {
        if let since {
            do { _ = try Briefing.parseDay(since) } catch { throw ValidationError("\(error)") }
        }
        if staleAfterDays <= 0 { throw ValidationError("\(BriefingError.invalidStaleAfter(days: staleAfterDays))") }
        if output.json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) disagree: give one of them")
        }
    }

    /// The format asked for: --format, else json with --json, else text.
    var chosenFormat: BriefingFormat { format ?? (output.json ? .json : .text) }

    func run() async throws {
        let briefing = try store.open().briefing(
            eventSlug: event, since: try since.map { try Briefing.parseDay($0) }, staleAfter: staleAfterDays)
        let document = try chosenFormat.render(briefing)
        let console = Console.current
        guard let outputFile else {
            console.writeOut(document)
            return
        }
        let url = URL(fileURLWithPath: outputFile)
        do {
            try Data(document.utf8).write(to: url, options: .atomic)
        } catch {
            throw OutputError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        if let notice = briefing.notice { console.message("Note: \(notice)") }
        let count = briefing.summary.people
        console.message("Wrote the \(chosenFormat.rawValue) briefing for \(briefing.event.name) to \(url.path) (\(count) \(count == 1 ? "person" : "people")).")
    }

    /// The briefing could not be written where `--output` said.
    enum OutputError: Error, LocalizedError, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)

        var description: String {
            switch self {
            case let .cannotWrite(path, reason): "--output: cannot write \(path): \(reason); check the folder exists and is writable"
            }
        }

        var errorDescription: String? { description }
    }
}

extension BriefingFormat: ExpressibleByArgument {}
