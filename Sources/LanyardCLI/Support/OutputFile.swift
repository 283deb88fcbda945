import Foundation
import LanyardInterchange

/// Writes an export to a file readable by the owner only (exports hold contacts).
enum OutputFile {
    /// Writes `data` to `path` atomically with mode 0600.
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try data.write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        } catch {
            throw InterchangeError.file(path: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
