import Foundation
import LanyardServer
import Testing

@Suite("Token file and hashing")
struct SecurityTests {
    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256() {
        #expect(SHA256.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("HMAC-SHA-256 matches RFC 4231")
    func hmac() {
        // Test case 2
        #expect(SHA256.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a key longer than the block
        #expect(SHA256.hex(SHA256.hmac(key: [UInt8](repeating: 0xaa, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
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
