import Foundation
import LanyardStore
import Logging
import ServiceLifecycle

/// Checkpoints the database's write-ahead log every `interval` while the server runs, off the
/// request path (see `WALCheckpointer`), and once more when it stops.
public struct WALCheckpointService: Service {
    public var checkpointer: WALCheckpointer
    public var interval: Duration
    public var logger: Logger

    public init(checkpointer: WALCheckpointer, interval: Duration = .seconds(1), logger: Logger) {
        self.checkpointer = checkpointer
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await checkpoint()
            do {
                try await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                break
            }
        }
        await checkpoint()
    }

    /// One passive checkpoint; a failure is logged and tried again next time.
    func checkpoint() async {
        do {
            let result = try await checkpointer.checkpoint()
            logger.trace("wal checkpoint", metadata: ["frames": "\(result.logFrames)", "checkpointed": "\(result.checkpointed)"])
        } catch {
            logger.warning("wal checkpoint failed; will retry", metadata: ["error": "\(error)"])
        }
    }
}
