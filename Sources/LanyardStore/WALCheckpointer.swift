import GRDB

/// Copies the write-ahead log back into the database file from its own connection, so that
/// writers never do it. Every connection Lanyard opens turns SQLite's automatic checkpoint off
/// (`AppDatabase.makeConfiguration`): left on, the commit that crosses 1,000 WAL pages copies
/// them and syncs the file itself, which was the whole p99 of a check-in (13 ms against 1.4 ms).
/// A CLI command's log is checkpointed when it closes the file (SQLite does it for the last
/// connection); the server runs a checkpointer in the background (`WALCheckpointService`).
public final class WALCheckpointer: Sendable {
    private let connection: DatabaseQueue

    /// A connection of its own to the database `database` writes.
    public init(_ database: AppDatabase) throws {
        connection = try DatabaseQueue(path: database.writer.path, configuration: AppDatabase.makeConfiguration())
    }

    /// A passive checkpoint: copies what no reader still needs, without waiting for readers
    /// or the writer. Returns the frames in the log and how many are now in the file.
    @discardableResult
    public func checkpoint() throws -> (logFrames: Int, checkpointed: Int) {
        let frames = try connection.writeWithoutTransaction(Self.passiveCheckpoint)
        return (frames.log, frames.checkpointed)
    }

    /// The same from async code (the server): the copy and its sync run on the connection's
    /// own queue, never on a thread of the cooperative pool.
    @discardableResult
    public func checkpoint() async throws -> (logFrames: Int, checkpointed: Int) {
        let frames = try await connection.writeWithoutTransaction { db in try Self.passiveCheckpoint(db) }
        return (frames.log, frames.checkpointed)
    }

    private static func passiveCheckpoint(_ db: Database) throws -> (log: Int, checkpointed: Int) {
        let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
        return (row?[1] ?? 0, row?[2] ?? 0)
    }
}
