import Foundation
import GRDB

/// What `CheckInQueue`'s recent batches changed, to tell whether a plan made on an older
/// snapshot still describes the database: it does when the snapshot held generation `g` (the
/// batches committed before it started), every write since went through the queue, and no
/// batch after `g` touched the plan's footprint.
struct CheckInWriteHistory: Sendable {
    /// The writer connection as a batch leaves it: another connection's commit changes
    /// `PRAGMA data_version`, a write on the same connection (another route) its total count
    /// of changed rows.
    struct WriterState: Sendable, Equatable {
        var dataVersion: Int
        var totalChanges: Int

        static func read(_ db: Database) throws -> WriterState {
            WriterState(dataVersion: try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0,
                        totalChanges: db.totalChangesCount)
        }
    }

    /// What one batch did.
    struct Batch: Sendable {
        var outcomes: [Result<CheckInResult, any Error>]
        /// The union of its check-ins' written footprints.
        var changes: CheckInFootprint
        /// True when someone else had written since the batch before.
        var outside: Bool
        /// How many of its plans did not hold.
        var replanned: Int
        /// The writer connection as the batch left it.
        var state: WriterState
    }

    /// How many batches are remembered; a plan older than them is made again.
    static let kept = 32

    /// The changes of the remembered batches, by the generation their commit made.
    private var batches: [(generation: Int, changes: CheckInFootprint)] = []
    /// Plans made on snapshots older than this generation cannot be checked.
    private var trustedFrom = 0
    /// The writer connection as the last batch left it; nil before the first batch and after
    /// a failed one (the next batch then trusts no plan).
    private(set) var state: WriterState?

    /// True when no batch committed after generation `generation` touched the plan's footprint.
    func holds(_ plan: CheckInPlan, madeAt generation: Int) -> Bool {
        guard generation >= trustedFrom else { return false }
        return !batches.contains { $0.generation > generation && $0.changes.overlaps(plan.footprint) }
    }

    /// Remembers a committed batch, the `generation`-th.
    mutating func record(generation: Int, _ batch: Batch) {
        // After an outside write, only snapshots that started after this commit saw it.
        if batch.outside { trustedFrom = generation }
        batches.append((generation, batch.changes))
        if batches.count > Self.kept {
            let dropped = batches.removeFirst()
            trustedFrom = max(trustedFrom, dropped.generation)
        }
        state = batch.state
    }

    /// After a failed transaction: the next batch trusts no plan.
    mutating func forgetState() {
        state = nil
    }
}
