import Foundation
import Logging
import ServiceLifecycle

/// The service that runs the follow-up work while the server is up: every `interval` it runs
/// each job once, in order, and logs what each did. A failing job is logged and tried again next
/// round. On graceful shutdown (SIGTERM/SIGINT) it stops waiting at once, but a job that is
/// running (a message being sent) finishes first.
public struct BackgroundSender: Service {
    public var jobs: [BackgroundJob]
    public var interval: Duration
    public var logger: Logger
    /// The clock jobs act as of; tests fix it.
    public var now: @Sendable () -> Date

    public init(jobs: [BackgroundJob], interval: Duration, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.jobs = jobs
        self.interval = interval
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        logger.info("background sender started", metadata: ["jobs": "\(jobs.map(\.name).joined(separator: ","))", "interval": "\(interval)"])
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await runOnce()
            do {
                try await cancelWhenGracefulShutdown { [interval] in try await Task.sleep(for: interval) }
            } catch {
                break
            }
        }
        logger.info("background sender stopped")
    }

    /// Runs every job once; errors are logged, never thrown.
    public func runOnce() async {
        let time = now()
        for job in jobs {
            do {
                if let done = try await job.run(time) {
                    logger.info("background job done", metadata: ["job": "\(job.name)", "result": "\(done)"])
                } else {
                    logger.debug("background job had nothing to do", metadata: ["job": "\(job.name)"])
                }
            } catch {
                logger.error("background job failed; will retry", metadata: ["job": "\(job.name)", "error": "\(error)"])
            }
        }
    }
}
