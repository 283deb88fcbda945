import Foundation

/// One piece of recurring work for the background sender, like "draft the follow-ups of
/// yesterday's meetings" or "send the approved ones that are due". `run` gets the time to act
/// as of and returns what it did, for the log (nil when there was nothing to do).
public struct BackgroundJob: Sendable {
    public var name: String
    public var run: @Sendable (_ now: Date) async throws -> String?

    public init(name: String, run: @escaping @Sendable (_ now: Date) async throws -> String?) {
        self.name = name
        self.run = run
    }
}
