import Foundation

/// Where Lanyard keeps its data and configuration, following the XDG base directory rules.
public struct StoreLocation: Sendable, Equatable {
    /// The database file.
    public var databasePath: String
    /// The folder of `config.json`, the server token and user templates.
    public var configDirectory: String

    public init(databasePath: String, configDirectory: String) {
        self.databasePath = databasePath
        self.configDirectory = configDirectory
    }

    /// Resolves the database path: `--db PATH`, else `LANYARD_DB`, else
    /// `$XDG_DATA_HOME/lanyard/lanyard.sqlite` (default `~/.local/share/lanyard/lanyard.sqlite`).
    public static func resolve(
        databaseOption: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StoreLocation {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let db: String
        if let option = databaseOption, !option.isEmpty {
            db = expand(option, home: home)
        } else if let env = environment["LANYARD_DB"], !env.isEmpty {
            db = expand(env, home: home)
        } else {
            let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
                ?? home + "/.local/share"
            db = dataHome + "/lanyard/lanyard.sqlite"
        }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? home + "/.config"
        let config = environment["LANYARD_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : expand($0, home: home) }
            ?? configHome + "/lanyard"
        return StoreLocation(databasePath: db, configDirectory: config)
    }

    private static func expand(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + path
    }

    /// Creates the folder (0700) when missing and the file (0600) when missing; an existing
    /// file keeps its mode. Throws `StoreError.location` with the path when it cannot.
    public static func prepareFile(at url: URL) throws {
        try prepareDirectory(at: url.deletingLastPathComponent())
        let path = url.path
        let fd = Foundation.open(path, O_RDWR | O_CREAT, 0o600)
        if fd < 0 {
            throw StoreError.location(path: path, reason: String(cString: strerror(errno)))
        }
        close(fd)
    }

    /// Creates a private folder (0700) with its parents when missing.
    public static func prepareDirectory(at url: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDir) {
            if !isDir.boolValue {
                throw StoreError.location(path: url.path, reason: "exists and is not a folder")
            }
            return
        }
        do {
            try fm.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.location(path: url.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }
}
