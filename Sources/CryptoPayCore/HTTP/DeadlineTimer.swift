import Dispatch
import Foundation

/// Runs actions at deadlines with one Dispatch timer for all of them, for the overall deadline of
/// ``URLSessionTransport`` calls.
///
/// A timer source per call costs two trips through Dispatch's timer thread (arm, then cancel) on every request,
/// about 5% of a loopback call's time. Here scheduling and cancelling only touch a dictionary under a lock: the one
/// timer stays armed for the earliest deadline and is moved only when an earlier one arrives, or when it fires
/// (then it runs what is due and re-arms for the next). A cancelled entry is removed at once, so a finished call
/// releases everything it captured immediately, not when its deadline would have come.
package final class DeadlineTimer: @unchecked Sendable {
    /// A scheduled action; ``cancel()`` removes it.
    package struct Token: Sendable {
        fileprivate let timer: DeadlineTimer
        fileprivate let id: UInt64

        /// Removes the action if it has not run yet; it will not run afterwards.
        package func cancel() {
            timer.cancel(id)
        }
    }

    private struct Entry {
        var deadline: DispatchTime
        var action: @Sendable () -> Void
    }

    private let source: any DispatchSourceTimer
    // Guards `entries`, `nextID` and `armedFor`, and the source's schedule, so that the armed time always matches
    // `armedFor`.
    private let lock = NSLock()
    private var entries: [UInt64: Entry] = [:]
    private var nextID: UInt64 = 0
    /// When the source will fire next; `nil` while nothing is scheduled.
    private var armedFor: DispatchTime?

    /// Creates a timer with its own serial queue, idle until something is scheduled.
    package init() {
        source = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "CryptoPay.DeadlineTimer"))
        source.setEventHandler { [weak self] in self?.runDue() }
        source.schedule(deadline: .distantFuture)
        source.activate()
    }

    deinit {
        source.cancel()
    }

    /// The actions scheduled and not yet run or cancelled.
    package var pendingCount: Int { lock.withLock { entries.count } }

    /// Runs `action` on the timer's queue `seconds` from now, unless the returned token is cancelled first.
    package func schedule(after seconds: TimeInterval, _ action: @escaping @Sendable () -> Void) -> Token {
        let deadline = DispatchTime.now() + seconds
        let id = lock.withLock {
            nextID += 1
            entries[nextID] = Entry(deadline: deadline, action: action)
            if armedFor.map({ deadline < $0 }) ?? true {
                armedFor = deadline
                source.schedule(deadline: deadline, leeway: .milliseconds(5))
            }
            return nextID
        }
        return Token(timer: self, id: id)
    }

    private func cancel(_ id: UInt64) {
        // The source stays armed: when it fires with nothing due, it re-arms for the next deadline. The entry (and
        // what its action captured) is released after the lock is let go.
        _ = lock.withLock { entries.removeValue(forKey: id) }
    }

    private func runDue() {
        let now = DispatchTime.now()
        let due = lock.withLock { () -> [Entry] in
            var due: [Entry] = []
            var next: DispatchTime?
            for (id, entry) in entries {
                if entry.deadline <= now {
                    due.append(entry)
                    entries[id] = nil
                } else if next.map({ entry.deadline < $0 }) ?? true {
                    next = entry.deadline
                }
            }
            armedFor = next
            source.schedule(deadline: next ?? .distantFuture, leeway: .milliseconds(5))
            return due
        }
        for entry in due { entry.action() }
    }
}
