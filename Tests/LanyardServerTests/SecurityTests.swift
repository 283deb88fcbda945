import Foundation
import LanyardServer
import Testing

@Suite("Token file and hashing")
struct SecurityTests {
    @Test("the session and CSRF values are HMAC-SHA-256 of the token (checked against Python's hmac)")
    func derivedValues() {
        // Given a fixed token
        let token = AccessToken("Jefe")
        // Then its session cookie and the session's CSRF value are the HMACs the docs describe
        #expect(token.sessionValue == "d24e4c2bcefdcc6854ac27543a3b9eb3b3997395ef52ef8933e5b68efd6823db")
        #expect(token.csrfToken(forSession: token.sessionValue) == "e607c0d920476e5b8cc9f2e1fc91165ce8b3e43a7b8f727aa786c1f7794d074c")
    }

    @Test("tokens are random, long, and compared whole")
    func tokens() {
        let a = AccessToken.generate()
        let b = AccessToken.generate()
        #expect(a.value != b.value)
        #expect(a.value.count == 43)
        #expect(a.matches(a.value))
        #expect(!a.matches(b.value))
        #expect(!a.matches(String(a.value.dropLast())))
        #expect(!a.matches(""))
        #expect(a.sessionValue != a.value)
        #expect(a.matchesSession(a.sessionValue))
        #expect(!a.matchesSession(b.sessionValue))
        #expect(a.verifiesCSRF(a.csrfToken(forSession: a.sessionValue), session: a.sessionValue))
        #expect(!a.verifiesCSRF(b.csrfToken(forSession: b.sessionValue), session: a.sessionValue))
        #expect(AccessToken.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!AccessToken.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!AccessToken.constantTimeEqual([1, 2], [1, 2, 3]))
    }

    @Test("the token file is made once, 0600 in a 0700 folder, and read back on later starts")
    func tokenFile() throws {
        // Given an empty config folder location
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("config/lanyard").path

        // When the server starts for the first time
        let first = try AccessToken.loadOrCreate(inDirectory: folder)

        // Then it made a token, private to the user
        #expect(first.created)
        #expect(first.path == folder + "/server-token")
        #expect(try mode(first.path) == 0o600)
        #expect(try mode(folder) == 0o700)
        #expect(try String(contentsOfFile: first.path, encoding: .utf8) == first.token.value + "\n")

        // When it starts again, it reads the same token and does not announce it
        let second = try AccessToken.loadOrCreate(inDirectory: folder)
        #expect(!second.created)
        #expect(second.token.value == first.token.value)
        #expect(second.warnings.isEmpty)
    }

    @Test("a token file others can read is tightened, with a warning")
    func looseTokenFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try AccessToken.loadOrCreate(inDirectory: root.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: first.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root.path)

        let again = try AccessToken.loadOrCreate(inDirectory: root.path)

        #expect(again.token.value == first.token.value)
        #expect(again.warnings.count == 2)
        #expect(try mode(first.path) == 0o600)
        #expect(try mode(root.path) == 0o700)
    }

    @Test("a token file without a usable token stops the start with what to do")
    func badTokenFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lanyard-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = root.appendingPathComponent("server-token").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("short\n".utf8), attributes: [.posixPermissions: 0o600]))

        let error = #expect(throws: ServerError.self) { try AccessToken.loadOrCreate(inDirectory: root.path) }
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("delete the file") == true)
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as! NSNumber).intValue & 0o777
    }
}
