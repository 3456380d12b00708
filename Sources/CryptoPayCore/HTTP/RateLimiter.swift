import Foundation

/// Keeps a client under a provider's documented request limits instead of collecting HTTP 429s: one token bucket
/// per endpoint class (`create`, `get`, `list`, …), shared by every task that uses the limiter.
///
/// ```swift
/// let limiter = RateLimiter(limits: ["create": .init(requests: 100, per: .seconds(60))])
/// try await limiter.acquire("create")  // returns at once while the bucket has tokens, otherwise waits
/// ```
///
/// - Waiting is asynchronous: no thread is blocked.
/// - Waiters of a class are served first come, first served: a request that arrives while others wait queues
///   behind them even when a token has just become free.
/// - Waiting is cancellable: cancelling the waiting task ends ``acquire(_:)`` with `CancellationError` and gives its
///   place to the next waiter.
/// - The clock is injectable (``WaitClock``), so tests advance time instead of sleeping.
/// - Put it in ``ClientConfiguration/rateLimiter``: every try of a limited class, retries included, waits for its
///   token before it is sent, so a storm of 5xx answers cannot multiply the requests the provider sees. (It is also
///   an ``HTTPMiddleware``, but among ``ClientConfiguration/middleware`` it runs outside the retries and takes one
///   token per call, letting retries out without one.)
///
/// One limiter is one budget: share the instance between the clients that share the provider's limit (the same API
/// key), and give unrelated keys their own. Several processes (instances of your service) on one key each keep their
/// own limiter: give each its share of the limit with `instances` (``init(limits:instances:clock:endpointClass:)``).
public final class RateLimiter: HTTPMiddleware, CustomStringConvertible {
    /// The budget of one endpoint class.
    ///
    /// Up to ``burst`` requests may start at once; after that, tokens come back one at a time at the rate
    /// `(requests − burst) / interval`. For `requests` ≥ 2 this guarantees that no window of length ``interval``
    /// sees more than ``requests`` requests start, whichever way the provider counts its windows.
    public struct Limit: Hashable, Sendable, CustomStringConvertible {
        /// The most requests the provider allows per ``interval``.
        public let requests: Int
        /// The length of the provider's window.
        public let interval: Duration
        /// How many requests may start at once after a quiet period.
        public let burst: Int

        /// Creates a limit of `requests` per `interval`.
        ///
        /// - Parameters:
        ///   - requests: the provider's limit; values below 1 are read as 1.
        ///   - interval: the provider's window; values below one millisecond are read as one millisecond.
        ///   - burst: the requests that may start at once; by default a tenth of `requests`. Kept within
        ///     `1 ... requests − 1` (1 when `requests` is 1), so that a sustained rate remains.
        public init(requests: Int, per interval: Duration, burst: Int? = nil) {
            let requests = max(1, requests)
            self.requests = requests
            self.interval = max(interval, .milliseconds(1))
            self.burst = min(max(1, burst ?? requests / 10), max(1, requests - 1))
        }

        /// The time between two tokens coming back, in microseconds, rounded up so the limit is never exceeded.
        var refillMicroseconds: Int64 {
            let sustained = Int64(max(1, requests - burst))
            let total = Self.microseconds(interval)
            return max(1, (total + sustained - 1) / sustained)
        }

        /// This limit split evenly between `instances` processes that each keep their own limiter on one API key:
        /// `requests / instances` requests (rounded down) per the same ``interval``, with ``burst`` split likewise
        /// (each at least 1). While each share is at least 2 requests, the instances together stay within the limit
        /// in every window, as one limiter does; with more instances than half of ``requests`` each still needs a
        /// request per interval, and together they can exceed the limit.
        ///
        /// - Parameter instances: how many processes share the limit; values below 1 are read as 1.
        public func shared(by instances: Int) -> Limit {
            let instances = max(1, instances)
            return Limit(requests: requests / instances, per: interval, burst: burst / instances)
        }

        /// `100 per 60 seconds (burst 10)`.
        public var description: String { "\(requests) per \(interval) (burst \(burst))" }

        static func microseconds(_ duration: Duration) -> Int64 {
            let (seconds, attoseconds) = duration.components
            let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
            guard !overflow else { return seconds < 0 ? .min : .max }
            let (sum, sumOverflow) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000_000)
            return sumOverflow ? .max : sum
        }
    }

    /// The limits by endpoint class: this instance's share of the ones it was created with.
    public let limits: [String: Limit]
    private let clock: WaitClock
    private let origin: Date
    private let endpointClass: @Sendable (TransportRequest) -> String?
    private let state: Locked<[String: Bucket]>

    /// Creates a limiter with a full bucket per class.
    ///
    /// - Parameters:
    ///   - limits: the budget of each endpoint class, as the provider documents it for one API key; requests of a
    ///     class without one are never delayed.
    ///   - instances: how many processes share the key, each with a limiter of its own: this one keeps to its share
    ///     of every limit (``Limit/shared(by:)``). 1 by default.
    ///   - clock: the time and the wait; inject a manual one in tests. A clock set back is read as no time passing.
    ///   - endpointClass: the class of a request passing through as middleware (``intercept(_:next:)``); by default
    ///     its operation name (`invoices.create`). `nil` lets the request through at once.
    public init(
        limits: [String: Limit],
        instances: Int = 1,
        clock: WaitClock = .system,
        endpointClass: @escaping @Sendable (TransportRequest) -> String? = { $0.operation }
    ) {
        let limits = limits.mapValues { $0.shared(by: instances) }
        self.limits = limits
        self.clock = clock
        self.endpointClass = endpointClass
        origin = clock.now()
        state = Locked(limits.mapValues { Bucket(limit: $0, now: 0) })
    }

    /// `RateLimiter(create: 100 per 60 seconds (burst 10), …)`, classes sorted by name.
    public var description: String {
        "RateLimiter(" + limits.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            + ")"
    }

    /// Takes one token of `endpointClass`, waiting in line for it when none is left. Returns at once for a class
    /// without a limit.
    ///
    /// - Throws: `CancellationError` when the task is cancelled before it gets a token; its place in line goes to
    ///   the next waiter and no token is used.
    public func acquire(_ endpointClass: String) async throws {
        try Task.checkCancellation()
        let id = Waiter.ID()
        // The time is read under the lock, so that the buckets see it advance in the order the tasks take the lock.
        let admitted = state.withLock { buckets in buckets[endpointClass]?.admitOrEnqueue(id, now: now()) }
        guard admitted == false else { return }
        while true {
            if Task.isCancelled {
                leave(id, endpointClass)
                throw CancellationError()
            }
            let step = state.withLock { buckets in buckets[endpointClass]?.step(for: id, now: now()) ?? .left }
            switch step {
            case .granted(let next):
                next?.resume()
                return
            case .sleep(let deadline):
                do {
                    try await clock.sleep(.microseconds(max(1, deadline - now())))
                } catch {
                    leave(id, endpointClass)
                    throw error
                }
            case .waitForTurn:
                try await waitForTurn(id, endpointClass)
            case .left:
                throw CancellationError()
            }
        }
    }

    /// Waits for a token of the request's class, then passes the request on.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while waiting (nothing is sent); otherwise whatever
    ///   `next` throws.
    public func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        if let endpointClass = endpointClass(request) { try await acquire(endpointClass) }
        return try await next(request)
    }

    /// The number of tasks waiting for a token of `endpointClass`.
    public func waitingCount(_ endpointClass: String) -> Int {
        state.withLock { $0[endpointClass]?.queue.count ?? 0 }
    }

    /// Microseconds since the limiter was created, on its clock, rounded to the nearest: a `Date` is exact to about
    /// a tenth of a microsecond, so a wait of whole microseconds always ends on the microsecond it aimed at.
    private func now() -> Int64 {
        let seconds = clock.now().timeIntervalSince(origin)
        guard seconds.isFinite else { return 0 }
        return Int64((max(-9e12, min(seconds, 9e12)) * 1e6).rounded())
    }

    /// Suspends until the waiter is first in line (or was removed by cancellation).
    private func waitForTurn(_ id: Waiter.ID, _ endpointClass: String) async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready: Bool? = state.withLock { buckets in
                    buckets[endpointClass]?.park(id, continuation)
                }
                switch ready {
                case true?: continuation.resume()
                case nil: continuation.resume(throwing: CancellationError())
                case false?: break
                }
            }
        } onCancel: {
            leave(id, endpointClass)
        }
    }

    /// Removes a waiter that gave up, resuming it when it was parked and waking whoever is first in line after it.
    private func leave(_ id: Waiter.ID, _ endpointClass: String) {
        let (parked, next) = state.withLock { buckets in
            buckets[endpointClass]?.remove(id) ?? (nil, nil)
        }
        parked?.resume(throwing: CancellationError())
        next?.resume()
    }
}

extension RateLimiter {
    /// A task waiting for a token.
    fileprivate struct Waiter {
        /// Identifies a waiter for its whole wait.
        final class ID: Sendable {}

        let id: ID
        /// Set while the waiter is suspended until it is first in line.
        var continuation: CheckedContinuation<Void, any Error>?
    }

    /// What a waiter does next.
    fileprivate enum Step {
        /// Go ahead; resume `wake`, the new first in line, if it is parked.
        case granted(wake: CheckedContinuation<Void, any Error>?)
        /// First in line, but no token yet: sleep until this time (microseconds since the limiter's creation).
        case sleep(until: Int64)
        /// Not first in line.
        case waitForTurn
        /// No longer in line: cancellation removed it.
        case left
    }

    /// The token bucket and waiting line of one endpoint class. Tokens come back in whole periods counted from
    /// ``updated``, so partial progress is never lost to rounding.
    fileprivate struct Bucket {
        let capacity: Int
        let period: Int64
        var tokens: Int
        /// The time the token count was last brought up to date, on a period boundary while the bucket is not full.
        var updated: Int64
        var queue: [Waiter] = []

        init(limit: Limit, now: Int64) {
            capacity = limit.burst
            period = limit.refillMicroseconds
            tokens = limit.burst
            updated = now
        }

        mutating func refill(now: Int64) {
            guard tokens < capacity, now >= updated else {
                updated = now
                return
            }
            let elapsed = now - updated
            guard elapsed >= period else { return }
            let periods = elapsed / period
            let added = Int(min(periods, Int64(capacity - tokens)))
            tokens += added
            updated = tokens == capacity ? now : updated + periods * period
        }

        /// Takes a token at once when nobody waits and one is left (`true`); otherwise joins the line (`false`).
        mutating func admitOrEnqueue(_ id: Waiter.ID, now: Int64) -> Bool {
            refill(now: now)
            if queue.isEmpty, tokens > 0 {
                tokens -= 1
                return true
            }
            queue.append(Waiter(id: id))
            return false
        }

        mutating func step(for id: Waiter.ID, now: Int64) -> Step {
            guard queue.first?.id === id else {
                return queue.contains { $0.id === id } ? .waitForTurn : .left
            }
            refill(now: now)
            guard tokens > 0 else { return .sleep(until: updated + period) }
            tokens -= 1
            queue.removeFirst()
            return .granted(wake: takeFirstContinuation())
        }

        /// Parks a waiter that is not first in line: `false` when parked, `true` when it is first in line after
        /// all, `nil` when it has left (cancelled before parking).
        mutating func park(_ id: Waiter.ID, _ continuation: CheckedContinuation<Void, any Error>) -> Bool? {
            guard let index = queue.firstIndex(where: { $0.id === id }) else { return nil }
            if index == 0 { return true }
            queue[index].continuation = continuation
            return false
        }

        /// Removes a waiter: its continuation if parked, and the new first in line's if it was first.
        mutating func remove(_ id: Waiter.ID) -> (
            parked: CheckedContinuation<Void, any Error>?, next: CheckedContinuation<Void, any Error>?
        ) {
            guard let index = queue.firstIndex(where: { $0.id === id }) else { return (nil, nil) }
            let removed = queue.remove(at: index)
            return (removed.continuation, index == 0 ? takeFirstContinuation() : nil)
        }

        /// The parked continuation of the first in line, taken so it is resumed exactly once.
        private mutating func takeFirstContinuation() -> CheckedContinuation<Void, any Error>? {
            guard !queue.isEmpty else { return nil }
            defer { queue[0].continuation = nil }
            return queue[0].continuation
        }
    }
}

/// A value behind a lock, for state shared by concurrent tasks.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
