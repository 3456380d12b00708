import CryptoPayCore
import Foundation

/// A clock for tests that never really sleeps: every sleep advances it at once and is recorded, so pollers, retry
/// backoff and deadlines run instantly and deterministically.
///
/// ```swift
/// let clock = ManualClock()
/// let invoice = try await client.invoices.waitForFinalStatus(id: id, pollEvery: .seconds(5), timeout: .seconds(60),
///                                                           clock: clock.waitClock)
/// XCTAssertEqual(clock.sleeps, [.seconds(5), .seconds(5)])
/// ```
public final class ManualClock: @unchecked Sendable {
    // Guards `current` and `recorded`.
    private let lock = NSLock()
    private var current: Date
    private var recorded: [Duration] = []

    /// Creates a clock showing `start` (by default 2023-11-14T22:13:20Z).
    public init(start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = start
    }

    /// The time the clock shows.
    public var now: Date {
        lock.withLock { current }
    }

    /// Every sleep so far, in order.
    public var sleeps: [Duration] {
        lock.withLock { recorded }
    }

    /// Moves the clock forward without recording a sleep.
    public func advance(by duration: Duration) {
        lock.withLock { current = current.addingTimeInterval(duration.timeInterval) }
    }

    /// A `WaitClock` on this clock: `sleep` throws `CancellationError` when the task is cancelled, and otherwise
    /// records the duration and advances the clock at once.
    public var waitClock: WaitClock {
        WaitClock(now: { self.now }, sleep: { duration in try self.sleep(duration) })
    }

    /// A `RetryPolicy` that reads this clock and sleeps on it, with the jitter fixed at the middle of its range.
    public func retryPolicy(maxRetries: Int = 2, overallDeadline: Duration = .seconds(60)) -> RetryPolicy {
        RetryPolicy(
            maxRetries: maxRetries,
            overallDeadline: overallDeadline,
            random: { 0.5 },
            clock: waitClock
        )
    }

    private func sleep(_ duration: Duration) throws {
        try Task.checkCancellation()
        lock.withLock {
            recorded.append(duration)
            current = current.addingTimeInterval(duration.timeInterval)
        }
    }
}

extension WaitClock {
    /// The system's time with waits that return at once (after checking for cancellation): for tests that retry or
    /// poll but do not look at the waits. Use a ``ManualClock`` to see them or to move time.
    public static let immediate = WaitClock(now: { Date() }, sleep: { _ in try Task.checkCancellation() })
}
