import Foundation
import Testing
import LanyardTestSupport
@testable import LanyardStore

@Suite("Where data lives")
struct StoreLocationTests {
    @Test("--db wins over LANYARD_DB, which wins over XDG_DATA_HOME")
    func precedence() {
        let env = ["HOME": "/home/ana", "LANYARD_DB": "/data/env.sqlite", "XDG_DATA_HOME": "/xdg/data"]
        #expect(StoreLocation.resolve(databaseOption: "/tmp/flag.sqlite", environment: env).databasePath == "/tmp/flag.sqlite")
        #expect(StoreLocation.resolve(databaseOption: nil, environment: env).databasePath == "/data/env.sqlite")
        var noEnv = env
        noEnv["LANYARD_DB"] = nil
        #expect(StoreLocation.resolve(databaseOption: nil, environment: noEnv).databasePath == "/xdg/data/lanyard/lanyard.sqlite")
    }

    @Test("without any setting the file is under ~/.local/share/lanyard")
    func defaultPath() {
        let location = StoreLocation.resolve(databaseOption: nil, environment: ["HOME": "/home/ana"])
        #expect(location.databasePath == "/home/ana/.local/share/lanyard/lanyard.sqlite")
        #expect(location.configDirectory == "/home/ana/.config/lanyard")
    }

    @Test("a relative XDG_DATA_HOME is ignored, as the spec says; ~ expands")
    func relativeAndTilde() {
        let env = ["HOME": "/home/ana", "XDG_DATA_HOME": "relative/dir", "XDG_CONFIG_HOME": "/cfg"]
        #expect(StoreLocation.resolve(databaseOption: nil, environment: env).databasePath == "/home/ana/.local/share/lanyard/lanyard.sqlite")
        #expect(StoreLocation.resolve(databaseOption: "~/x.sqlite", environment: env).databasePath == "/home/ana/x.sqlite")
        #expect(StoreLocation.resolve(databaseOption: nil, environment: env).configDirectory == "/cfg/lanyard")
    }

    @Test("the database file is created 0600 in a folder created 0700")
    func fileModes() throws {
        let root = try TemporaryFolder.make("lanyard-mode")
        let path = root.appendingPathComponent("nested/lanyard.sqlite").path
        _ = try AppDatabase.open(at: path)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("nested").path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
    }

    @Test("a folder in the way gives an error naming the path")
    func unusablePath() throws {
        let root = try TemporaryFolder.make("lanyard-bad").appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: root)
        #expect(throws: StoreError.self) { try AppDatabase.open(at: root.appendingPathComponent("db.sqlite").path) }
    }
}
