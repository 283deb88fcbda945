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

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test("parses real dates and refuses the rest", arguments: [
        ("2025-09-14", true), ("2024-02-29", true), ("2025-02-29", false), ("2025-13-01", false),
        ("2025-9-14", false), ("14/09/2025", false), ("", false), ("2025-09-14T10:00", false), ("２０２５-09-14", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((CalendarDay(text) != nil) == valid)
    }

    @Test("adds days across month ends")
    func adding() {
        #expect(CalendarDay("2025-02-28")!.adding(days: 1).description == "2025-03-01")
        #expect(CalendarDay("2025-01-01")!.adding(days: -1).description == "2024-12-31")
    }

    @Test("writes YYYY-MM-DD zero-padded, as it parses it back", arguments: [
        (1, 1, 1, "0001-01-01"), (987, 6, 5, "0987-06-05"), (2025, 9, 14, "2025-09-14"), (2024, 12, 31, "2024-12-31"),
        (9999, 12, 31, "9999-12-31"),
    ])
    func text(year: Int, month: Int, day: Int, expected: String) throws {
        let calendarDay = try #require(CalendarDay(year: year, month: month, day: day))
        #expect(calendarDay.description == expected)
        #expect(CalendarDay(expected) == calendarDay)
    }
}
