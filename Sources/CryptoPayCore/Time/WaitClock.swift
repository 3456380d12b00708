import Foundation

/// The current time and a way to wait, for pollers: the system clock by default, a manual one in tests so that
/// nothing really sleeps.
public struct WaitClock: Sendable {
    /// Returns the current time.
    public var now: @Sendable () -> Date
    /// Waits for a duration; throws `CancellationError` when the task is cancelled meanwhile.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from its two functions.
    public init(now: @escaping @Sendable () -> Date, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The system clock and `Task.sleep`.
    public static let system = WaitClock(now: { Date() }, sleep: { try await Task.sleep(for: $0) })
}
