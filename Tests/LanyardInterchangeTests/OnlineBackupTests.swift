import Foundation
import GRDB
import LanyardInterchange
import LanyardStore
import Testing

@Suite("online backup")
struct OnlineBackupTests {
    @Test("a backup taken while another connection writes is a consistent, complete database")
    func whileWriting() async throws {
        // Given a populated database and a writer adding people as fast as it can
        let source = try TestDatabase()
        defer { source.cleanUp() }
        try source.populate()
        let database = source.database
        let writer = Task.detached {
            var written = 0
            for i in 0..<400 {
                try database.writer.write { db in
                    var person = Person(name: "Writer \(i)", sortName: "\(i), Writer", normalizedName: "writer \(i)")
                    try person.insert(db)
                    var email = PersonEmail(personId: person.id!, email: "w\(i)@example.org", normalized: "w\(i)@example.org")
                    try email.insert(db)
                }
                written += 1
            }
            return written
        }
        // When backups are taken meanwhile
        var copies: [String] = []
        for n in 0..<3 {
            let path = source.path("copy-\(n).sqlite")
            try database.backup(toFile: path)
            copies.append(path)
        }
        let written = try await writer.value
        #expect(written == 400)
        // Then each copy passes SQLite's integrity check, and each person has their email
        for path in copies {
            let queue = try DatabaseQueue(path: path)
            try await queue.read { db in
                #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
                let people = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM person")!
                let emails = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM personEmail")!
                #expect(people >= 2)
                #expect(emails == people - 1) // Grace has none; every writer person has one
            }
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test("an existing file is not overwritten unless asked")
    func refusesOverwrite() throws {
        let source = try TestDatabase()
        defer { source.cleanUp() }
        let path = source.path("copy.sqlite")
        try source.database.backup(toFile: path)
        #expect(throws: InterchangeError.destinationExists(path: path)) { try source.database.backup(toFile: path) }
        try source.database.backup(toFile: path, overwrite: true)
        let reopened = try AppDatabase.open(at: path)
        #expect(try reopened.reader.read { db in try db.tableExists("person") })
    }
}
