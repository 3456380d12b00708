import Dispatch
import Foundation

/// Runs an action once its deadline passes, for many calls at once, from one timer source.
///
/// A timer source per call costs two wake-ups of Dispatch's manager thread per call (arming it and cancelling it),
/// a measurable share of a loopback call. Here the timer is re-armed only when a deadline earlier than the armed one
/// arrives, which never happens while every call of a transport has the same timeout: scheduling and cancelling are
/// then a dictionary insertion and removal under a lock. Cancelled deadlines are removed at once, so a finished call
/// keeps nothing alive until its deadline.
package final class DeadlineScheduler: @unchecked Sendable {
    /// Identifies one scheduled deadline, to cancel it.
    package struct Token: Hashable, Sendable {
        fileprivate let value: UInt64
    }

    private struct Entry {
        var deadline: DispatchTime
        var action: @Sendable () -> Void
    }

    private let timer: any DispatchSourceTimer
    // Guards every stored property below.
    private let lock = NSLock()
    private var entries: [UInt64: Entry] = [:]
    private var nextToken: UInt64 = 0
    /// When the timer fires next; `nil` when it is not armed.
    private var armed: DispatchTime?

    /// Creates a scheduler whose actions run on `queue`.
    package init(queue: DispatchQueue = .global()) {
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [weak self] in self?.fireExpired() }
        timer.schedule(deadline: .distantFuture)
        timer.activate()
    }

    deinit {
        timer.cancel()
    }

    /// The number of deadlines scheduled and neither fired nor cancelled.
    package var pendingCount: Int {
        lock.withLock { entries.count }
    }

    /// Runs `action` once, `delay` from now, unless cancelled before.
    package func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) -> Token {
        let (seconds, attoseconds) = delay.components
        let nanoseconds = max(0, seconds) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
        let deadline = DispatchTime.now() + .nanoseconds(Int(clamping: nanoseconds))
        return lock.withLock {
            let token = nextToken
            nextToken += 1
            entries[token] = Entry(deadline: deadline, action: action)
            if armed.map({ deadline < $0 }) ?? true {
                armed = deadline
                timer.schedule(deadline: deadline)
            }
            return Token(value: token)
        }
    }

    /// Forgets a deadline so that its action never runs; nothing happens when it already ran or was cancelled.
    package func cancel(_ token: Token) {
        // Taken out under the lock and released after it: the action may hold the last reference to a call's state.
        _ = lock.withLock { entries.removeValue(forKey: token.value) }
    }

    /// Runs every action whose deadline has passed and arms the timer for the earliest one left.
    private func fireExpired() {
        let due: [@Sendable () -> Void] = lock.withLock {
            let now = DispatchTime.now()
            var expired: [UInt64] = []
            var earliest: DispatchTime?
            for (token, entry) in entries {
                if entry.deadline <= now {
                    expired.append(token)
                } else if earliest.map({ entry.deadline < $0 }) ?? true {
                    earliest = entry.deadline
                }
            }
            let due = expired.compactMap { entries.removeValue(forKey: $0)?.action }
            armed = earliest
            timer.schedule(deadline: earliest ?? .distantFuture)
            return due
        }
        for action in due { action() }
    }
}
