import Foundation

/// `lanyard-server`, the executable that runs `lanyard serve`: found beside the running
/// `lanyard` (symlinks resolved), as `swift build` and an install side by side place it.
enum ServerExecutable {
    static let name = "lanyard-server"

    /// Where `lanyard-server` should be: in the folder of the running executable.
    static func path() -> String {
        let running = Bundle.main.executableURL?.resolvingSymlinksInPath()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return running.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Replaces this process with `lanyard-server ARGUMENTS` (same pid, environment, folder and
    /// standard streams); throws only when it cannot.
    static func exec(arguments: [String]) throws -> Never {
        let path = path()
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ServerExecutableError(message: "\(path) is missing: build it with `swift build --product \(name)` (add `-c release` for a release build)")
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        throw ServerExecutableError(message: "cannot run \(path): \(reason)")
    }
}

/// `lanyard serve` could not start the server executable.
struct ServerExecutableError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
