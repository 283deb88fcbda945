import Foundation
import LanyardEvents
import LanyardStore
import Testing

/// Concurrent check-ins through the queue share transactions without sharing failures.
@Suite("Check-in queue")
struct CheckInQueueTests {
    @Test("Many concurrent check-ins are all stored, and a bad one fails alone")
    func concurrentCheckIns() async throws {
        // Given a book and a queue, when 200 check-ins arrive at once, one of them for an
        // unknown event and every tenth a repeat of an earlier stranger
        let db = try TestDatabase.make()
        let queue = CheckInQueue(database: db, maximumBatch: 16)
        let outcomes = await withTaskGroup(of: (Int, Result<CheckInResult, any Error>).self) { group in
            for i in 0..<200 {
                group.addTask {
                    let event = i == 57 ? "nope-2026" : "swiftconf-2026"
                    let request = CheckInRequest(event: event, name: "Guest \(["Ana", "Bo", "Cy", "Di"][i % 4]) Number\(i)",
                                                 email: "guest\(i)@example.org", booth: "\(i % 12)", note: "met at booth \(i % 12)",
                                                 at: TestDatabase.day2026)
                    do { return (i, .success(try await queue.checkIn(request))) } catch { return (i, .failure(error)) }
                }
            }
            var all: [Int: Result<CheckInResult, any Error>] = [:]
            for await (i, outcome) in group { all[i] = outcome }
            return all
        }

        // Then only the bad one failed, with its own error, and every acknowledged one is stored
        #expect(outcomes.count == 200)
        for (i, outcome) in outcomes {
            switch outcome {
            case let .success(result):
                #expect(i != 57)
                #expect(result.recognized == false)
                #expect(result.person.emails == ["guest\(i)@example.org"])
                #expect(result.notes.map(\.body) == ["met at booth \(i % 12)"])
            case let .failure(error):
                #expect(i == 57)
                #expect(error is EventError)
            }
        }
        #expect(try TestDatabase.count(db, "meeting") == 199)
        #expect(try TestDatabase.count(db, "person") == 199)
        #expect(try TestDatabase.count(db, "note") == 199)

        // And a repeat through the queue is recognised like a check-in through the database
        let again = try await queue.checkIn(CheckInRequest(event: "swiftconf-2026", email: "GUEST3@example.org", at: TestDatabase.day2026))
        #expect(again.recognized)
        #expect(again.matchedBy.contains("email"))
        #expect(again.previousMeetings.count == 1)
    }

    @Test("Bad input is refused before it is queued")
    func badInput() async throws {
        let db = try TestDatabase.make()
        let queue = CheckInQueue(database: db)
        await #expect(throws: CheckInError.self) {
            try await queue.checkIn(CheckInRequest(event: "swiftconf-2026", email: "not-an-email"))
        }
        #expect(try TestDatabase.count(db, "person") == 0)
    }
}
