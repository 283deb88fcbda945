import Foundation
import LanyardEvents
import LanyardFollowUp
import LanyardStore
import LanyardServer
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Background sender")
struct BackgroundSenderTests {
    final class Counter: Sendable {
        let value = Mutex(0)
        func increment() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    @Test("runs its jobs every interval, survives a failing one, and stops on graceful shutdown")
    func runsAndStops() async throws {
        // Given a sender with a failing job and a counting job, every 10 ms
        let failures = Counter()
        let runs = Counter()
        let fixed = Date(timeIntervalSince1970: 1_800_000_000)
        let seen = Mutex<[Date]>([])
        let log = LogCapture()
        let sender = BackgroundSender(
            jobs: [
                BackgroundJob(name: "fails") { _ in failures.increment(); throw CancellationError() },
                BackgroundJob(name: "counts") { now in seen.withLock { $0.append(now) }; runs.increment(); return "ran" },
            ],
            interval: .milliseconds(10), logger: log.logger(), now: { fixed })
        let group = ServiceGroup(services: [sender], logger: TestServer.logger)

        // When it runs for a few rounds, then is asked to shut down
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            for _ in 0..<500 where runs.count < 3 { try await Task.sleep(for: .milliseconds(10)) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }

        // Then each round ran both jobs, the failure did not stop the next, and it stopped
        #expect(runs.count >= 3)
        #expect(failures.count >= runs.count)
        #expect(seen.withLock { $0.allSatisfy { $0 == fixed } })
        let stoppedAt = runs.count
        try await Task.sleep(for: .milliseconds(50))
        #expect(runs.count == stoppedAt)

        // And it logged what it did
        let entries = log.logged
        #expect(entries.first?.message == "background sender started")
        #expect(entries.first?.metadata["jobs"] == "fails,counts")
        #expect(entries.contains { $0.level == .error && $0.message == "background job failed; will retry" && $0.metadata["job"] == "fails" })
        #expect(entries.contains { $0.message == "background job done" && $0.metadata["job"] == "counts" && $0.metadata["result"] == "ran" })
        #expect(entries.last?.message == "background sender stopped")
    }

    @Test("a running job finishes before the shutdown completes")
    func finishesRunningJob() async throws {
        let finished = Counter()
        let started = Counter()
        let sender = BackgroundSender(
            jobs: [BackgroundJob(name: "slow send") { _ in
                started.increment()
                try await Task.sleep(for: .milliseconds(200))
                finished.increment()
                return "sent"
            }],
            interval: .seconds(60), logger: TestServer.logger)
        let group = ServiceGroup(services: [sender], logger: TestServer.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            for _ in 0..<500 where started.count == 0 { try await Task.sleep(for: .milliseconds(5)) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(finished.count == 1)
    }

    @Test("the follow-up jobs draft after a meeting day, and say (not crash) when SMTP is not set up")
    func followUpJobs() async throws {
        // Given Liz met two days ago (so her draft is due), a sender but no SMTP server configured
        let server = try TestServer()
        try server.addEditions()
        try server.configureSender()
        _ = try server.database.checkIn(CheckInRequest(event: "swiftconf-2025", name: "Liz Moreau", email: "liz@acme.com", note: "secret plans",
                                                       at: Date().addingTimeInterval(-48 * 3600)))
        let log = LogCapture()
        let sender = BackgroundSender(jobs: BackgroundJob.followUps(service: server.followUps()), interval: .seconds(60), logger: log.logger())

        // When a round runs, the draft is approved, and another round runs
        await sender.runOnce()
        let drafts = try server.database.followUpItems(state: .draft)
        try #require(drafts.count == 1)
        _ = try server.followUps().approve(id: drafts[0].id)
        await sender.runOnce()

        // Then the log says what was drafted, and why nothing was sent, without bodies or addresses
        let results = log.logged.filter { $0.message == "background job done" }.compactMap { $0.metadata["result"] }
        #expect(results.contains { $0.hasPrefix("drafted 1 follow-up(s) (ids \(drafts[0].id))") })
        #expect(results.contains { $0.hasPrefix("nothing sent:") && $0.contains("not configured") })
        let everything = log.logged.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains(drafts[0].body))
        #expect(!everything.contains("liz@acme.com"))
        #expect(try server.database.followUp(id: drafts[0].id).state == .approved)
    }
}
