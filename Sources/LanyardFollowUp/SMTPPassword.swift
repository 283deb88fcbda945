import Foundation

/// Where the SMTP password comes from: `LANYARD_SMTP_PASSWORD`, else the configured
/// `password_command`. Never stored, never logged.
enum SMTPPassword {
    static func resolve(_ smtp: FollowUpSettings.SMTP, environment: [String: String]) throws -> String {
        if let password = environment["LANYARD_SMTP_PASSWORD"], !password.isEmpty { return password }
        guard let command = smtp.passwordCommand, !command.isEmpty else {
            throw FollowUpError.password(reason: "set LANYARD_SMTP_PASSWORD or `lanyard config smtp --password-command CMD`")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw FollowUpError.password(reason: "password_command could not start (\(error.localizedDescription))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FollowUpError.password(reason: "password_command exited with status \(process.terminationStatus)")
        }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !line.isEmpty else { throw FollowUpError.password(reason: "password_command printed nothing") }
        return line
    }
}
