import Foundation
import GRDB
import LanyardFormats
import LanyardStore
import Synchronization

/// Check-ins from many clients at once (the service under load) written together: those that
/// arrive while a write is running share the next transaction, each in its own savepoint, so
/// one bad request fails alone, and one commit and one search-index rebuild serve them all.
/// A check-in is answered only after its transaction committed.
///
/// The read-only half of each check-in (recognition, what the answer shows: `CheckInPlan`) is
/// made before it is queued, on a reader snapshot, in parallel with the writer. In the write
/// transaction the plan is used only if no write since its snapshot touched what it read
/// (`CheckInFootprint`, `CheckInWriteHistory`); otherwise, or after a write that did not go
/// through this queue (another route, another process), the check-in is planned again there,
/// exactly as `AppDatabase.checkIn` does.
///
/// The batches are written one after the other on the writer connection's own queue, without
/// going back to the cooperative pool in between: the writer is the queue's bottleneck (busy
/// 92–99 % of the time under load), and each hop back made the next batch wait behind the
/// plans queued there.
public final class CheckInQueue: Sendable {
    struct Pending: Sendable {
        var request: CheckInRequest
        var contact: ContactCard
        /// Made on a snapshot that holds at least `generation` of the queue's batches; nil when
        /// planning failed there (the write transaction plans again and throws what it throws).
        var plan: CheckInPlan?
        var generation: Int
    }

    /// A queued check-in and the request waiting for its answer.
    private typealias Waiting = (item: Pending, continuation: CheckedContinuation<CheckInResult, any Error>)

    private struct State: ~Copyable {
        var pending: [Waiting] = []
        /// True from the first check-in queued until the writer finds nothing left to write.
        var writing = false
        var history = CheckInWriteHistory()
        var replanned = 0
    }

    private let database: AppDatabase
    private let maximumBatch: Int
    private let state = Mutex(State())
    /// Batches committed so far (the generation a new snapshot holds at least).
    private let committed = Atomic<Int>(0)

    /// Batches written in one turn of the writer's queue before other writes queued there
    /// (another route's) get theirs.
    static let batchesPerTurn = 8

    /// A queue writing to `database`, at most `maximumBatch` check-ins per transaction.
    public init(database: AppDatabase, maximumBatch: Int = 64) {
        self.database = database
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Check-ins whose snapshot plan did not hold and that were planned again in the writer.
    var replanned: Int { state.withLock { $0.replanned } }

    /// Records the check-in (see `AppDatabase.checkIn`); throws what it would throw.
    public func checkIn(_ request: CheckInRequest) async throws -> CheckInResult {
        try await write(try plan(request))
    }

    /// The check-in's plan, made on a reader snapshot.
    ///
    /// The read runs on the calling thread, not through GRDB's async `read`: that one hops to
    /// the reader pool's queue, then to the reader's, then back, three thread wake-ups for a
    /// read of a fraction of a millisecond. Blocking here is short and bounded: a WAL read
    /// never waits for the writer, and a caller that finds every reader busy waits only for
    /// another read to end (no read waits for the cooperative pool).
    func plan(_ request: CheckInRequest) throws -> Pending {
        let contact = try request.contact()
        // Read before the snapshot starts: the snapshot holds at least these batches.
        let generation = committed.load(ordering: .acquiring)
        let plan = try? database.reader.read { db in try AppDatabase.planCheckIn(request, contact: contact, in: db) }
        return Pending(request: request, contact: contact, plan: plan, generation: generation)
    }

    /// Queues a planned check-in and waits for its transaction.
    func write(_ item: Pending) async throws -> CheckInResult {
        try await withCheckedThrowingContinuation { continuation in
            let start = state.withLock { state in
                state.pending.append((item, continuation))
                defer { state.writing = true }
                return !state.writing
            }
            if start { startWriting() }
        }
    }

    /// Queues a turn of `drain` on the writer's queue.
    private func startWriting() {
        database.writer.asyncWriteWithoutTransaction { db in self.drain(db) }
    }

    /// Writes batches until nothing is waiting, or until this turn has written
    /// `batchesPerTurn` of them: then it queues the next turn behind other writes.
    private func drain(_ db: Database) {
        for _ in 0..<Self.batchesPerTurn {
            let taken = state.withLock { state -> (batch: [Waiting], history: CheckInWriteHistory)? in
                if state.pending.isEmpty {
                    state.writing = false
                    return nil
                }
                let batch = Array(state.pending.prefix(maximumBatch))
                state.pending.removeFirst(batch.count)
                return (batch, state.history)
            }
            guard let (batch, history) = taken else { return }
            let items = batch.map(\.item)
            do {
                let written = try Self.inTransaction(db) { try Self.write(items, history: history, in: db) }
                let generation = committed.load(ordering: .relaxed) + 1
                state.withLock { state in
                    state.history.record(generation: generation, written)
                    state.replanned += written.replanned
                }
                committed.store(generation, ordering: .releasing)
                for (entry, outcome) in zip(batch, written.outcomes) { entry.continuation.resume(with: outcome) }
            } catch {
                // The transaction itself failed (commit, disk): nothing of the batch was stored.
                state.withLock { $0.history.forgetState() }
                for entry in batch { entry.continuation.resume(throwing: error) }
            }
        }
        startWriting()
    }

    /// `body` in a transaction of its own, committed unless it throws.
    private static func inTransaction<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        var result: T?
        try db.inTransaction {
            result = try body()
            return .commit
        }
        return result!
    }

    /// The batch in the caller's write transaction.
    private static func write(_ items: [Pending], history: CheckInWriteHistory, in db: Database) throws -> CheckInWriteHistory.Batch {
        let state = try CheckInWriteHistory.WriterState.read(db)
        // Someone else wrote since the last batch: no snapshot plan can be checked.
        let outside = state != history.state
        var changes = CheckInFootprint()
        var replanned = 0
        // A batch rebuilds its people's search rows once, at its end (a new person and their
        // meeting would each rebuild it). Measured: for a lone check-in the deferral costs
        // more than the rebuild it saves. No savepoint around the batch: this transaction rolls
        // back whole when the batch throws, and one would journal every page the batch
        // changes until its end (spilled to a file in /var/tmp past 64 KiB: one per batch),
        // where each check-in's own savepoint journals only its own pages.
        let all = {
            items.map { item in
                var plan = item.plan
                if let made = plan, outside || !history.holds(made, madeAt: item.generation) || made.footprint.overlaps(changes) {
                    plan = nil
                    replanned += 1
                }
                let outcome = Self.checkIn(item, plan: plan, in: db)
                if case let .success((_, written)) = outcome { changes.formUnion(written) }
                return outcome.map { $0.result }
            }
        }
        let outcomes = items.count > 1 ? try AppDatabase.deferringSearchIndex(db, savepoint: false, all) : all()
        return CheckInWriteHistory.Batch(
            outcomes: outcomes, changes: changes, outside: outside, replanned: replanned,
            state: CheckInWriteHistory.WriterState(dataVersion: state.dataVersion, totalChanges: db.totalChangesCount))
    }

    /// One check-in in its own savepoint: its failure undoes only its own writes. Without a
    /// plan that still holds it is planned here, as `AppDatabase.checkIn` does.
    private static func checkIn(_ item: Pending, plan: CheckInPlan?, in db: Database) -> Result<(result: CheckInResult, written: CheckInFootprint), any Error> {
        var outcome: Result<(result: CheckInResult, written: CheckInFootprint), any Error> = .failure(CancellationError())
        do {
            try db.inSavepoint {
                let plan = try plan ?? AppDatabase.planCheckIn(item.request, contact: item.contact, in: db)
                let result = try AppDatabase.checkIn(plan, in: db)
                outcome = .success((result, plan.written(personId: result.person.id)))
                return .commit
            }
        } catch {
            outcome = .failure(error)
        }
        return outcome
    }
}
