import ArgumentParser
import Logging

/// The `lanyard` command: a conference networking companion.
public struct Lanyard: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lanyard",
        abstract: "Remember everyone you really met at conferences, and follow up.",
        discussion: """
            Data lives in one SQLite file: --db PATH, else $LANYARD_DB, else
            $XDG_DATA_HOME/lanyard/lanyard.sqlite (~/.local/share/lanyard/lanyard.sqlite).
            """,
        version: LanyardVersion.current,
        subcommands: [
            EventsCommand.self,
            CheckinCommand.self,
            PeopleCommand.self,
            NotesCommand.self,
            FactsCommand.self,
            TagCommand.self,
            UntagCommand.self,
            SearchCommand.self,
            FollowupCommand.self,
            ConfigCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            BackupCommand.self,
            BriefCommand.self,
            ServeCommand.self,
        ]
    )

    public init() {}
}

extension Lanyard {
    /// The process entry point: parses the arguments, runs the command, and exits non-zero
    /// with the error's message on stderr when it fails.
    public static func runAsMain() async {
        // Logs go to stderr: stdout carries data (and exactly one JSON document with --json).
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        await main()
    }
}
