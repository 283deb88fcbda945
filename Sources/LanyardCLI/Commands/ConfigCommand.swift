import ArgumentParser
import Foundation
import LanyardFollowUp
import LanyardMail
import LanyardStore

/// `lanyard config ...`: settings kept in `$XDG_CONFIG_HOME/lanyard/config.json` (mode 0600).
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Configure the SMTP server, the sender identity and the follow-up schedule.",
        discussion: """
            Settings live in $XDG_CONFIG_HOME/lanyard/config.json (mode 0600). The SMTP password
            is never stored: it comes from $LANYARD_SMTP_PASSWORD or the password command.
            """,
        subcommands: [SMTP.self, Sender.self, Schedule.self, Show.self]
    )

    /// `lanyard config smtp --url URL --username U [--ca-file F] [--insecure] [--password-command CMD]`
    struct SMTP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "smtp", abstract: "Set the SMTP server to send follow-ups through.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("smtps://HOST[:465] (TLS) or smtp://HOST[:587] (STARTTLS required).", valueName: "url"))
        var url: String
        @Option(help: "The login name.")
        var username: String
        @Option(name: .customLong("ca-file"), help: ArgumentHelp("PEM certificates to trust for a private server.", valueName: "file"))
        var caFile: String?
        @Flag(help: "Allow plain smtp:// without TLS; only to a loopback host.")
        var insecure = false
        @Option(name: .customLong("password-command"), help: ArgumentHelp("A command printing the password, like \"pass show smtp\".", valueName: "command"))
        var passwordCommand: String?

        func validate() throws {
            let absoluteCA = caFile.map { URL(fileURLWithPath: $0).path }
            do {
                _ = try SMTPConfiguration(url: url, username: username, caFile: absoluteCA, insecure: insecure).validate()
            } catch let error as SMTPConfigurationError {
                throw ValidationError(error.description)
            }
        }

        func run() async throws {
            let directory = store.location.configDirectory
            var settings = try FollowUpSettings.load(from: directory)
            settings.smtp = FollowUpSettings.SMTP(
                url: url, username: username, caFile: caFile.map { URL(fileURLWithPath: $0).path },
                insecure: insecure, passwordCommand: passwordCommand)
            try settings.save(to: directory)
            let console = Console.current
            if output.json {
                try console.json(settings.smtp)
            } else {
                console.line("SMTP set to \(url) as \(username) in \(FollowUpSettings.fileURL(in: directory).path).")
                if passwordCommand == nil {
                    console.message("The password comes from $LANYARD_SMTP_PASSWORD (or set --password-command).")
                }
            }
        }
    }

    /// `lanyard config sender --name N --email E [--signature S]`
    struct Sender: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sender", abstract: "Set who follow-ups are from.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Your name, as recipients see it.")
        var name: String
        @Option(help: "Your email address.")
        var email: String
        @Option(help: "A signature the templates can use ({{signature}}).")
        var signature: String?

        func validate() throws {
            do {
                _ = try MailAddress(email, name: name, field: "--email")
            } catch let error as MailError {
                throw ValidationError(error.description)
            }
        }

        func run() async throws {
            let directory = store.location.configDirectory
            var settings = try FollowUpSettings.load(from: directory)
            settings.sender = FollowUpSettings.Sender(name: name, email: email, signature: signature)
            try settings.save(to: directory)
            let console = Console.current
            if output.json {
                try console.json(settings.sender)
            } else {
                console.line("Follow-ups will come from \(name) <\(email)>.")
            }
        }
    }

    /// `lanyard config followup --due-time HH:MM`
    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "followup", abstract: "Set when drafts fall due the morning after.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .customLong("due-time"), help: ArgumentHelp("Local time in the event's zone (default 09:00).", valueName: "HH:MM"))
        var dueTime: String

        func validate() throws {
            if FollowUpSettings.Schedule.parse(dueTime) == nil { throw ValidationError("--due-time: expected HH:MM, like 09:00") }
        }

        func run() async throws {
            let directory = store.location.configDirectory
            var settings = try FollowUpSettings.load(from: directory)
            settings.followUp = FollowUpSettings.Schedule(dueTime: dueTime)
            try settings.save(to: directory)
            let console = Console.current
            if output.json { try console.json(settings.followUp) } else { console.line("Drafts fall due at \(dueTime) the morning after.") }
        }
    }

    /// `lanyard config show`
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the follow-up settings (never a password).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let settings = try FollowUpSettings.load(from: store.location.configDirectory)
            let console = Console.current
            if output.json { try console.json(settings); return }
            if let smtp = settings.smtp {
                console.line("smtp:    \(smtp.url) as \(smtp.username)\(smtp.caFile.map { ", CA \($0)" } ?? "")\(smtp.insecure ? ", insecure" : "")")
            } else {
                console.line("smtp:    not set (lanyard config smtp)")
            }
            console.line("sender:  " + (settings.sender.map { "\($0.name) <\($0.email)>" } ?? "not set (lanyard config sender)"))
            console.line("due at:  \(settings.followUp?.dueTime ?? "09:00") the morning after")
        }
    }
}
