import Foundation
import GRDB
import LanyardFormats
import LanyardStore

/// Check-ins from many clients at once (the service under load) written together: those that
/// arrive while a write is running share the next transaction, each in its own savepoint, so
/// one bad request fails alone, and one commit and one search-index rebuild serve them all.
/// A check-in is answered only after its transaction committed. Alone, a check-in is written
/// at once, exactly as `AppDatabase.checkIn` does.
public actor CheckInQueue {
    private struct Pending {
        var request: CheckInRequest
        var contact: ContactCard
        var continuation: CheckedContinuation<CheckInResult, any Error>
    }

    private let database: AppDatabase
    private let maximumBatch: Int
    private var pending: [Pending] = []
    private var writing = false

    /// A queue writing to `database`, at most `maximumBatch` check-ins per transaction.
    public init(database: AppDatabase, maximumBatch: Int = 64) {
        self.database = database
        self.maximumBatch = max(1, maximumBatch)
    }

    /// Records the check-in (see `AppDatabase.checkIn`); throws what it would throw.
    public func checkIn(_ request: CheckInRequest) async throws -> CheckInResult {
        let contact = try request.contact()
        return try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(request: request, contact: contact, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    /// Writes batches until nothing is waiting.
    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maximumBatch))
            pending.removeFirst(batch.count)
            let inputs = batch.map { (request: $0.request, contact: $0.contact) }
            do {
                let outcomes = try await database.writer.write { db in
                    // A batch rebuilds its people's search rows once, at its end (a new person
                    // and their meeting would each rebuild it). Measured: for a lone check-in
                    // the deferral costs more than the rebuild it saves.
                    let all = { inputs.map { input in Self.checkIn(input.request, contact: input.contact, in: db) } }
                    return inputs.count > 1 ? try AppDatabase.deferringSearchIndex(db, all) : all()
                }
                for (item, outcome) in zip(batch, outcomes) { item.continuation.resume(with: outcome) }
            } catch {
                // The transaction itself failed (commit, disk): nothing of the batch was stored.
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }

    /// One check-in in its own savepoint: its failure undoes only its own writes.
    private static func checkIn(_ request: CheckInRequest, contact: ContactCard, in db: Database) -> Result<CheckInResult, any Error> {
        var outcome: Result<CheckInResult, any Error> = .failure(CancellationError())
        do {
            try db.inSavepoint {
                outcome = .success(try AppDatabase.checkIn(request, contact: contact, in: db))
                return .commit
            }
        } catch {
            outcome = .failure(error)
        }
        return outcome
    }
}
