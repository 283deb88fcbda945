import Foundation

/// The user's text editor (`$EDITOR`), run on a temporary file to edit a text.
public struct ExternalEditor: Sendable {
    /// A shell command; the file path is appended as its last argument (`vi`, `code --wait`).
    public var command: String

    public init(command: String) {
        self.command = command
    }

    /// `$EDITOR`, else `vi`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalEditor {
        let command = environment["EDITOR"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        return ExternalEditor(command: command ?? "vi")
    }

    /// Writes `text` to a private temporary file, runs the editor on it, and returns what the
    /// file holds afterwards. Throws `NotesError.editorFailed` when the editor cannot start or
    /// exits non-zero. The file is removed either way.
    public func edit(_ text: String, fileName: String = "lanyard-note.txt") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-edit-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw NotesError.editorFailed(editor: command, reason: "could not get a temporary file (\(folder.path))")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw NotesError.editorFailed(editor: command, reason: "could not write \(file.path)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "lanyard-editor", file.path]
        do {
            try process.run()
        } catch {
            throw NotesError.editorFailed(editor: command, reason: "could not start (\(error.localizedDescription))")
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "was killed by signal \(process.terminationStatus)"
            throw NotesError.editorFailed(editor: command, reason: how)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw NotesError.editorFailed(editor: command, reason: "left no file at \(file.path)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
