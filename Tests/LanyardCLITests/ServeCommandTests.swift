import ArgumentParser
@testable import LanyardCLI
import LanyardServer
import Logging
import Testing

@Suite("lanyard serve")
struct ServeCommandTests {
    @Test("defaults to loopback on 8080 with a 1 MiB body limit")
    func defaults() throws {
        let command = try #require(try Lanyard.parseAsRoot(["serve"]) as? ServeCommand)
        #expect(command.host == "127.0.0.1")
        #expect(command.port == 8080)
        #expect(command.maxBodyBytes == 1 << 20)
    }

    @Test("takes the host, port, body limit and log level")
    func options() throws {
        let command = try #require(try Lanyard.parseAsRoot(
            ["serve", "--host", "0.0.0.0", "--port", "0", "--max-body", "4096", "--log-level", "debug", "--db", "/tmp/x.sqlite"]) as? ServeCommand)
        #expect(command.host == "0.0.0.0")
        #expect(command.port == 0)
        #expect(command.maxBodyBytes == 4096)
        #expect(command.logLevel == .debug)
        #expect(command.store.databasePath == "/tmp/x.sqlite")
    }

    @Test("refuses a port out of range and a tiny body limit, naming the option")
    func validation() {
        #expect(throws: (any Error).self) { try Lanyard.parseAsRoot(["serve", "--port", "70000"]) }
        #expect(Lanyard.message(for: ValidationErrorProbe.parse(["serve", "--port", "70000"])).contains("--port"))
        #expect(Lanyard.message(for: ValidationErrorProbe.parse(["serve", "--max-body", "10"])).contains("--max-body"))
    }

    @Test("hands lanyard-server every option, so it parses the same values")
    func serverArguments() throws {
        // Given a serve command with every option changed, and one with the defaults
        let changed = try #require(try Lanyard.parseAsRoot(
            ["serve", "--host", "::1", "--port", "0", "--events-dir=-ev dir", "--max-body", "4096", "--log-level", "debug", "--db", "/tmp/x.sqlite"]) as? ServeCommand)
        let defaults = try #require(try Lanyard.parseAsRoot(["serve"]) as? ServeCommand)
        for command in [changed, defaults] {
            // When lanyard-server parses the arguments it is given
            let server = try ServeCommand.parse(command.serverArguments)
            // Then it runs with the same options
            #expect(server.host == command.host)
            #expect(server.port == command.port)
            #expect(server.eventsDirectory == command.eventsDirectory)
            #expect(server.maxBodyBytes == command.maxBodyBytes)
            #expect(server.logLevel == command.logLevel)
            #expect(server.store.databasePath == command.store.databasePath)
        }
    }

    @Test("the CLI's default body limit is the server's")
    func defaultBodyLimit() {
        #expect(ServeCommand.defaultMaxBodyBytes == ServerConfiguration.defaultMaxBodyBytes)
    }
}

/// Returns the error parsing `arguments` throws.
enum ValidationErrorProbe {
    static func parse(_ arguments: [String]) -> any Error {
        do {
            _ = try Lanyard.parseAsRoot(arguments)
            return CancellationError()
        } catch {
            return error
        }
    }
}
