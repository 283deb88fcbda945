import ArgumentParser
import Foundation
import LanyardFollowUp
import LanyardStore

/// `lanyard followup ...`: next-day thank-you emails, from draft to sent.
struct FollowupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Draft, review and send next-day thank-you emails.",
        discussion: """
            A draft is made once per person per event, due at 09:00 the morning after the
            meeting in the event's time zone. Approve it to freeze the exact message, then send.
            States: draft, approved, sending, sent, retry, failed, unknown, skipped.
            """,
        subcommands: [Draft.self, List.self, Show.self, Edit.self, Approve.self, Skip.self, Send.self, Resolve.self]
    )

    /// The service over this invocation's database and config folder.
    static func service(_ store: StoreOptions) throws -> FollowUpService {
        FollowUpService(database: try store.open(), configDirectory: store.location.configDirectory)
    }

    static func describe(_ item: FollowUpItem) -> String {
        let missing = item.missing.isEmpty ? "" : "  [missing: \(item.missing.joined(separator: ", "))]"
        return "#\(item.id)  \(item.state.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(item.personName) <\(item.to)>  \(item.event)  \(item.subject)\(missing)"
    }

    /// `lanyard followup draft [--event SLUG] [--date YYYY-MM-DD]`
    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "draft", abstract: "Make drafts for people met so far (once per person per event).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("Only this event.", valueName: "slug"))
        var event: String?
        @Option(help: ArgumentHelp("Only meetings on this day (in the event's time zone).", valueName: "YYYY-MM-DD"))
        var date: String?

        func validate() throws {
            if let date, CalendarDay(date) == nil { throw ValidationError("--date: expected YYYY-MM-DD, got \"\(date)\"") }
        }

        func run() async throws {
            let report = try FollowupCommand.service(store).draft(eventSlug: event, day: date.flatMap(CalendarDay.init))
            let console = Console.current
            if output.json { try console.json(report); return }
            console.line("Drafted \(report.created.count) follow-up\(report.created.count == 1 ? "" : "s").")
            for item in report.created { console.line(FollowupCommand.describe(item)) }
            if report.needingEdit > 0 {
                console.message("\(report.needingEdit) lack values: `lanyard followup edit ID` before approving.")
            }
        }
    }

    /// `lanyard followup list [--state S]`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List follow-ups in due order.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("Only this state: \(FollowUp.State.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "state"))
        var state: FollowUp.State?

        func run() async throws {
            let items = try store.open().followUpItems(state: state)
            let console = Console.current
            if output.json { try console.json(items); return }
            if items.isEmpty { console.line("No follow-ups\(state.map { " in state \($0.rawValue)" } ?? "").") }
            for item in items { console.line(FollowupCommand.describe(item)) }
        }
    }

    /// `lanyard followup show ID`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one follow-up in full.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The follow-up's id.") var id: Int64

        func run() async throws {
            let item = try store.open().followUpItem(id: id)
            let console = Console.current
            if output.json { try console.json(item); return }
            console.line(FollowupCommand.describe(item))
            console.line("To: \(item.personName) <\(item.to)>")
            console.line("Subject: \(item.subject)")
            console.line("Due: \(ISO8601DateFormatter().string(from: item.dueAt))  template: \(item.template)  attempts: \(item.attempts)")
            if let error = item.lastError { console.line("Last error: \(error)") }
            console.line("")
            console.line(item.body)
        }
    }

    /// `lanyard followup edit ID` (opens $EDITOR)
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Edit a draft's subject and body in $EDITOR.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The follow-up's id.") var id: Int64

        func run() async throws {
            let database = try store.open()
            let item = try database.followUpItem(id: id)
            guard item.state == .draft || item.state == .approved else {
                throw FollowUpError.wrongState(id: id, state: item.state.rawValue, action: "edited", allowed: "draft or approved")
            }
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-followup-\(id)-\(getpid()).txt")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(FollowUpText.compose(subject: item.subject, body: item.body).utf8).write(to: file)
            let editor = ProcessInfo.processInfo.environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 }
                ?? ProcessInfo.processInfo.environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", editor + " \"$1\"", "editor", file.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw FollowUpError.editedText(reason: "the editor (\(editor)) exited with status \(process.terminationStatus); nothing changed")
            }
            let edited = try FollowUpText.parse(String(decoding: try Data(contentsOf: file), as: UTF8.self))
            let followUp = try database.editFollowUp(id: id, subject: edited.subject, body: edited.body)
            let updated = try database.followUpItem(id: id)
            let console = Console.current
            if output.json { try console.json(updated); return }
            console.line(FollowupCommand.describe(updated))
            if followUp.missing != nil { console.message("Still missing: \(updated.missing.joined(separator: ", ")).") }
        }
    }

    /// `lanyard followup approve ID|--all`
    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve drafts: freezes the Message-ID and the exact message.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The follow-up's id.") var id: Int64?
        @Flag(help: "Approve every draft that has all its values.") var all = false

        func validate() throws {
            if (id == nil) == !all { throw ValidationError("name one follow-up ID, or --all") }
        }

        func run() async throws {
            let service = try FollowupCommand.service(store)
            let console = Console.current
            if let id {
                let item = try service.approve(id: id)
                if output.json { try console.json(item) } else { console.line(FollowupCommand.describe(item)) }
                return
            }
            let report = try service.approveAll()
            if output.json { try console.json(report); return }
            console.line("Approved \(report.approved.count).")
            for problem in report.notApproved { console.message(problem) }
        }
    }

    /// `lanyard followup skip ID`
    struct Skip: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "skip", abstract: "Never send this follow-up.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The follow-up's id.") var id: Int64

        func run() async throws {
            let database = try store.open()
            _ = try database.skipFollowUp(id: id)
            let item = try database.followUpItem(id: id)
            if output.json { try Console.current.json(item) } else { Console.current.line(FollowupCommand.describe(item)) }
        }
    }

    /// `lanyard followup send [ID...|--due] [--dry-run [--out DIR]]`
    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send", abstract: "Send approved follow-ups over one SMTP connection.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Follow-up ids (approved or retry).") var ids: [Int64] = []
        @Flag(help: "Send every due one instead.") var due = false
        @Flag(name: .customLong("dry-run"), help: "Send nothing: write each exact message as followup-ID.eml.") var dryRun = false
        @Option(help: ArgumentHelp("Where --dry-run writes (default: the current folder).", valueName: "dir")) var out: String?

        func validate() throws {
            if ids.isEmpty == !due { throw ValidationError("name follow-up IDs, or --due") }
            if out != nil, !dryRun { throw ValidationError("--out only goes with --dry-run") }
        }

        func run() async throws {
            let service = try FollowupCommand.service(store)
            let directory = dryRun ? URL(fileURLWithPath: out ?? FileManager.default.currentDirectoryPath) : nil
            let report = try service.send(ids: due ? nil : ids, dryRunDirectory: directory)
            let console = Console.current
            if output.json {
                try console.json(report)
            } else if dryRun {
                console.line("Wrote \(report.dryRunFiles.count) message\(report.dryRunFiles.count == 1 ? "" : "s"); nothing was sent.")
                for file in report.dryRunFiles { console.line(file) }
            } else {
                console.line("Sent \(report.sent.count), retry later \(report.retry.count), failed \(report.failed.count), unknown \(report.unknown.count).")
                for problem in report.problems { console.message(problem) }
            }
            if let stopped = report.stopped { throw FollowUpError.batchStopped(reason: stopped) }
        }
    }

    /// `lanyard followup resolve ID sent|retry`
    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Settle a follow-up whose outcome is unknown: it was sent, or send it again.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The follow-up's id.") var id: Int64
        @Argument(help: "sent or retry.") var resolution: FollowUpResolution

        func run() async throws {
            let database = try store.open()
            _ = try database.resolveFollowUp(id: id, as: resolution)
            let item = try database.followUpItem(id: id)
            if output.json { try Console.current.json(item) } else { Console.current.line(FollowupCommand.describe(item)) }
        }
    }
}

extension FollowUp.State: ExpressibleByArgument {}
extension FollowUpResolution: ExpressibleByArgument {}
