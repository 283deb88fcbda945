import Foundation
import Synchronization

/// Fresh folders under the system's temporary directory, one per test, removed when the test
/// process exits. A test's database stays open for as long as anything holds it (a pool opens
/// its readers and their `-shm` and `-wal` files lazily), so its folder cannot go with the
/// fixture value; it goes at exit, with every other test's.
public enum TemporaryFolder {
    private static let made = Mutex<[URL]>([])
    private static let removal: Void = { atexit { TemporaryFolder.removeAll() } }()

    /// A new empty folder named `prefix-UUID`, created now and removed when the process exits.
    public static func make(_ prefix: String) throws -> URL {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = removal
        made.withLock { $0.append(folder) }
        return folder
    }

    /// A path inside a new folder (see `make`) for a file a test writes itself.
    public static func file(_ prefix: String, named name: String) throws -> URL {
        try make(prefix).appendingPathComponent(name)
    }

    /// Removes every folder made so far (at exit; also safe to call earlier).
    static func removeAll() {
        let folders = made.withLock { folders in
            defer { folders.removeAll() }
            return folders
        }
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
    }
}
