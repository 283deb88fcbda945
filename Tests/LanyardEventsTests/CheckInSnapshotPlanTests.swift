import Foundation
import GRDB
@testable import LanyardEvents
import LanyardStore
import Testing

/// `CheckInQueue` plans each check-in on a reader snapshot, off the writer: a plan that a later
/// write made stale must never be written as it was made.
@Suite("Check-in plans made on a snapshot")
struct CheckInSnapshotPlanTests {
    static func liz(_ event: String = "swiftconf-2026", name: String? = "Elizabeth Moreau", company: String? = "Acme",
                    email: String? = "liz@acme.com", note: String? = nil) -> CheckInRequest {
        CheckInRequest(event: event, name: name, company: company, email: email, note: note, at: TestDatabase.day2026)
    }

    /// A queue whose first batch (which trusts no plan: it has nothing to compare with) is done.
    static func warmQueue(_ db: AppDatabase) async throws -> CheckInQueue {
        let queue = CheckInQueue(database: db)
        _ = try await queue.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Warm Up", email: "warm@example.org", at: TestDatabase.day2025))
        return queue
    }

    @Test("A plan that a check-in of the same email made stale is planned again: the repeat is recognised")
    func staleByEmail() async throws {
        // Given a plan for Liz made while nobody had her email
        let db = try TestDatabase.make()
        let queue = try await Self.warmQueue(db)
        let stale = try queue.plan(Self.liz(name: nil, company: nil))
        #expect(stale.plan?.known == nil)
        // When Liz is checked in through the queue, then the old plan is written
        let first = try await queue.checkIn(Self.liz("swiftconf-2025"))
        let replannedBefore = queue.replanned
        let second = try await queue.write(stale)

        // Then it was planned again and attached to Liz, who exists once
        #expect(queue.replanned == replannedBefore + 1)
        #expect(second.recognized)
        #expect(second.person.id == first.person.id)
        #expect(second.matchedBy.contains("email"))
        #expect(second.previousMeetings.map(\.eventSlug) == ["swiftconf-2025"])
        #expect(try TestDatabase.count(db, "person") == 2)
    }

    @Test("A plan made stale by a look-alike name (nickname + company) is planned again")
    func staleByName() async throws {
        let db = try TestDatabase.make()
        let queue = try await Self.warmQueue(db)
        let stale = try queue.plan(Self.liz(name: "Liz Moreau", email: nil))
        let first = try await queue.checkIn(Self.liz("swiftconf-2025", email: nil))
        let second = try await queue.write(stale)
        #expect(second.recognized, "\(second.candidates.map(\.reasons))")
        #expect(second.person.id == first.person.id)
        #expect(second.matchedBy.contains("company"))
    }

    @Test("A plan whose person got a meeting and a note since shows them")
    func staleAnswer() async throws {
        // Given Liz, and a plan recognising her
        let db = try TestDatabase.make()
        let queue = try await Self.warmQueue(db)
        let first = try await queue.checkIn(Self.liz("swiftconf-2025"))
        let stale = try queue.plan(Self.liz(name: nil, company: nil))
        #expect(stale.plan?.known?.person.id == first.person.id)
        // When she is checked in again with a note before the plan is written
        _ = try await queue.checkIn(Self.liz(note: "runs marathons"))
        let third = try await queue.write(stale)
        // Then the answer holds both earlier meetings and the note
        #expect(third.previousMeetings.count == 2)
        #expect(third.notes.map(\.body) == ["runs marathons"])
    }

    @Test("A plan untouched by later batches is written as made, and answers as a direct check-in does")
    func untouchedPlanHolds() async throws {
        // Given two identical books, one written through the queue and one directly
        let queued = try TestDatabase.make()
        let direct = try TestDatabase.make()
        let queue = try await Self.warmQueue(queued)
        _ = try direct.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Warm Up", email: "warm@example.org", at: TestDatabase.day2025))
        let requests = [
            Self.liz("swiftconf-2025", note: "asked about pricing"),
            CheckInRequest(event: "swiftconf-2025", name: "Bo Lindqvist", company: "Nordic", phone: "+46 70 123 45 67", at: TestDatabase.day2025),
            Self.liz(name: "Liz Moreau", email: nil),
            CheckInRequest(event: "swiftconf-2026", name: "Elizabeth Moreau", company: "Other Co", at: TestDatabase.day2026),
            CheckInRequest(event: "swiftconf-2026", email: "LIZ@acme.com", note: "second note", at: TestDatabase.day2026),
            CheckInRequest(event: "swiftconf-2026", name: "Bo Lindqvist", at: TestDatabase.day2026, decision: .new),
            CheckInRequest(event: "swiftconf-2026", name: "B. Lindqvist", at: TestDatabase.day2026, decision: .sameAs(3)),
        ]
        // When each is planned, an unrelated stranger is checked in, and then the plan is written
        for (i, request) in requests.enumerated() {
            let plan = try queue.plan(request)
            let stranger = CheckInRequest(event: "swiftconf-2026", name: "Zed Stranger\(i)", email: "zed\(i)@example.org", at: TestDatabase.day2026)
            _ = try await queue.checkIn(stranger)
            _ = try direct.checkIn(stranger)
            let replanned = queue.replanned
            let viaQueue = try await queue.write(plan)
            let directly = try direct.checkIn(request)
            // Then the plan held and the answer is the direct check-in's
            #expect(queue.replanned == replanned, "request \(i)")
            #expect(viaQueue == directly, "request \(i)")
        }
    }

    @Test("A write that bypassed the queue (another route) makes every plan be made again")
    func writeOnTheSameConnection() async throws {
        let db = try TestDatabase.make()
        let queue = try await Self.warmQueue(db)
        let stale = try queue.plan(Self.liz(name: nil, company: nil))
        let first = try db.checkIn(Self.liz("swiftconf-2025"))
        let second = try await queue.write(stale)
        #expect(second.recognized)
        #expect(second.person.id == first.person.id)
    }

    @Test("Another process's write (the CLI) makes every plan be made again")
    func writeFromAnotherConnection() async throws {
        let db = try TestDatabase.make()
        let queue = try await Self.warmQueue(db)
        let stale = try queue.plan(Self.liz(name: nil, company: nil))
        let cli = try AppDatabase.open(at: db.writer.path)
        let first = try cli.checkIn(Self.liz("swiftconf-2025"))
        let second = try await queue.write(stale)
        #expect(second.recognized)
        #expect(second.person.id == first.person.id)
    }

    @Test("Concurrent check-ins of one new person make one person; the others are recognised")
    func concurrentSamePerson() async throws {
        let db = try TestDatabase.make()
        let queue = try await Self.warmQueue(db)
        let results = try await withThrowingTaskGroup(of: CheckInResult.self) { group in
            for i in 0..<40 {
                group.addTask { try await queue.checkIn(Self.liz(email: i % 2 == 0 ? "liz@acme.com" : "LIZ@ACME.COM")) }
            }
            return try await group.reduce(into: [CheckInResult]()) { $0.append($1) }
        }
        #expect(try TestDatabase.count(db, "person") == 2)
        #expect(Set(results.map(\.person.id)).count == 1)
        #expect(results.filter(\.recognized).count == 39)
        #expect(results.map(\.previousMeetings.count).sorted() == Array(0..<40))
    }
}
