import ArgumentParser
import LanyardCLI
import Logging

// `lanyard serve` execs this executable with the options it parsed (see `ServeCommand`);
// logs go to stderr, like every lanyard command's.
LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
do {
    let command = try ServeCommand.parse(Array(CommandLine.arguments.dropFirst()))
    try await command.runServer()
} catch {
    ServeCommand.exit(withError: error)
}
