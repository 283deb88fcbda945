import Foundation
import LanyardStore

extension AccessToken {
    /// What `loadOrCreate(inDirectory:)` found or did.
    public struct Loaded: Sendable {
        public var token: AccessToken
        /// True when the token was made now: the only time it is printed.
        public var created: Bool
        /// The token file.
        public var path: String
        /// Things fixed on the way (loose permissions tightened), to log as warnings.
        public var warnings: [String]
    }

    /// The token file in a configuration folder.
    public static func filePath(inDirectory directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent("server-token").path
    }

    /// Reads `server-token` from the configuration folder, or makes it on first start: folder
    /// 0700, file 0600, created exclusively so two starts never write two tokens.
    public static func loadOrCreate(inDirectory directory: String) throws -> Loaded {
        let folder = URL(fileURLWithPath: directory)
        try StoreLocation.prepareDirectory(at: folder)
        var warnings: [String] = []
        if let mode = permissions(of: folder.path), mode & 0o077 != 0 {
            chmod(folder.path, 0o700)
            warnings.append("\(folder.path) was open to other users (mode \(String(mode, radix: 8))); set it to 0700")
        }
        let path = filePath(inDirectory: directory)
        let token = generate()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            defer { close(fd) }
            fchmod(fd, 0o600)
            let bytes = Array((token.value + "\n").utf8)
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == bytes.count else {
                unlink(path)
                throw ServerError.tokenFile(path: path, reason: "cannot write it: \(String(cString: strerror(errno)))")
            }
            return Loaded(token: token, created: true, path: path, warnings: warnings)
        }
        guard errno == EEXIST else {
            throw ServerError.tokenFile(path: path, reason: "cannot create it: \(String(cString: strerror(errno)))")
        }
        if let mode = permissions(of: path), mode & 0o077 != 0 {
            chmod(path, 0o600)
            warnings.append("\(path) was readable by other users (mode \(String(mode, radix: 8))); set it to 0600")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ServerError.tokenFile(path: path, reason: "cannot read it as UTF-8 text")
        }
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard value.count >= 32, value.allSatisfy(allowed.contains) else {
            throw ServerError.tokenFile(path: path, reason: "holds no valid token (32 or more of A-Z a-z 0-9 - _); delete the file and start again to make a new one")
        }
        return Loaded(token: AccessToken(value), created: false, path: path, warnings: warnings)
    }

    private static func permissions(of path: String) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.posixPermissions] as? NSNumber).map { $0.intValue & 0o777 }
    }
}
