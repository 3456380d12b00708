import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class RateLimiterTests: XCTestCase {
    /// One token back per second, one at a time: 11 requests per 10 seconds with a burst of 1.
    private let oneEverySecond = RateLimiter.Limit(requests: 11, per: .seconds(10), burst: 1)

    func testLimitDefaultsAndClamping() {
        let documented = RateLimiter.Limit(requests: 100, per: .seconds(60))
        XCTAssertEqual(documented.burst, 10)
        XCTAssertEqual(documented.description, "100 per 60.0 seconds (burst 10)")
        XCTAssertEqual(RateLimiter.Limit(requests: 5, per: .seconds(1)).burst, 1)
        XCTAssertEqual(RateLimiter.Limit(requests: 5, per: .seconds(1), burst: 9).burst, 4)
        XCTAssertEqual(RateLimiter.Limit(requests: 0, per: .seconds(1), burst: 0).requests, 1)
        XCTAssertEqual(RateLimiter.Limit(requests: 1, per: .zero).interval, .milliseconds(1))
    }

    func testBurstPassesAtOnceThenEachRequestWaitsForItsToken() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(
            limits: ["get": RateLimiter.Limit(requests: 12, per: .seconds(10), burst: 2)],
            clock: time.clock
        )
        try await limiter.acquire("get")
        try await limiter.acquire("get")
        let log = Log()

        let third = Task { try await limiter.acquire("get") }
        Task {
            try await third.value
            log.append("third")
        }
        try await eventually { time.deadlines == [.seconds(1)] }
        time.advance(by: .milliseconds(999))
        XCTAssertEqual(time.deadlines, [.seconds(1)])
        XCTAssertEqual(log.entries, [])

        time.advance(by: .milliseconds(1))
        try await third.value
        try await eventually { log.entries == ["third"] }
        let fourth = Task { try await limiter.acquire("get") }
        try await eventually { time.deadlines == [.seconds(2)] }
        time.advance(by: .seconds(1))
        try await fourth.value
    }

    func testTokensComeBackUpToTheBurstWhileIdle() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(
            limits: ["list": RateLimiter.Limit(requests: 13, per: .seconds(10), burst: 3)],
            clock: time.clock
        )
        for _ in 0..<3 { try await limiter.acquire("list") }
        time.advance(by: .seconds(60))

        for _ in 0..<3 { try await limiter.acquire("list") }
        XCTAssertEqual(time.deadlines, [])
        let fourth = Task { try await limiter.acquire("list") }
        try await eventually { time.deadlines == [.seconds(61)] }
        time.advance(by: .seconds(1))
        try await fourth.value
    }

    func testWaitersAreServedInArrivalOrder() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(limits: ["create": oneEverySecond], clock: time.clock)
        try await limiter.acquire("create")
        let log = Log()
        var tasks: [Task<Void, any Error>] = []
        for name in ["A", "B", "C"] {
            tasks.append(
                Task {
                    try await limiter.acquire("create")
                    log.append(name)
                })
            let count = tasks.count
            try await eventually { limiter.waitingCount("create") == count }
        }

        for second in 1...3 {
            try await eventually { time.deadlines == [.seconds(Int64(second))] }
            time.advance(by: .seconds(1))
            try await eventually { log.entries.count == second }
        }
        for task in tasks { try await task.value }
        XCTAssertEqual(log.entries, ["A", "B", "C"])
    }

    func testANewcomerQueuesBehindWaitersEvenWhenATokenIsFree() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(limits: ["create": oneEverySecond], clock: time.clock)
        try await limiter.acquire("create")
        let log = Log()
        let first = Task {
            try await limiter.acquire("create")
            log.append("first")
        }
        try await eventually { time.deadlines == [.seconds(1)] }

        time.set(now: .seconds(1))  // the token is back, but the first waiter has not run yet
        let newcomer = Task {
            try await limiter.acquire("create")
            log.append("newcomer")
        }
        try await eventually { limiter.waitingCount("create") == 2 }
        time.fireDueSleepers()
        try await first.value
        try await eventually { time.deadlines == [.seconds(2)] }
        XCTAssertEqual(log.entries, ["first"])
        time.advance(by: .seconds(1))
        try await newcomer.value
        XCTAssertEqual(log.entries, ["first", "newcomer"])
    }

    func testCancelledWaitersLeaveTheLineWithoutUsingAToken() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(limits: ["sandbox": oneEverySecond], clock: time.clock)
        try await limiter.acquire("sandbox")
        let log = Log()
        var tasks: [String: Task<Void, any Error>] = [:]
        for name in ["head", "middle", "last"] {
            tasks[name] = Task {
                try await limiter.acquire("sandbox")
                log.append(name)
            }
            let count = tasks.count
            try await eventually { limiter.waitingCount("sandbox") == count }
        }

        tasks["middle"]?.cancel()
        await assertCancelled(tasks["middle"])
        XCTAssertEqual(limiter.waitingCount("sandbox"), 2)

        tasks["head"]?.cancel()
        await assertCancelled(tasks["head"])
        try await eventually { limiter.waitingCount("sandbox") == 1 && time.deadlines == [.seconds(1)] }
        time.advance(by: .seconds(1))
        try await tasks["last"]?.value
        XCTAssertEqual(log.entries, ["last"])

        // The cancelled waiters took no token: the next one is due a second later, not three.
        let next = Task { try await limiter.acquire("sandbox") }
        try await eventually { time.deadlines == [.seconds(2)] }
        time.advance(by: .seconds(1))
        try await next.value
    }

    func testAClassWithoutALimitIsNeverDelayedAndACancelledTaskIsRefused() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(limits: ["create": oneEverySecond], clock: time.clock)
        for _ in 0..<50 { try await limiter.acquire("account") }
        XCTAssertEqual(time.deadlines, [])

        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await limiter.acquire("create")
        }
        await assertCancelled(cancelled)
        try await limiter.acquire("create")  // the cancelled task did not take the only token
    }

    func testNoWindowOfTheIntervalSeesMoreThanTheLimit() async throws {
        let time = ManualTime(advancesOnSleep: true)
        let limit = RateLimiter.Limit(requests: 10, per: .seconds(60), burst: 3)
        let limiter = RateLimiter(limits: ["create": limit], clock: time.clock)
        var starts: [Duration] = []
        for _ in 0..<40 {
            try await limiter.acquire("create")
            starts.append(time.now)
        }

        for (index, start) in starts.enumerated() {
            let inWindow = starts[index...].prefix { $0 <= start + limit.interval }.count
            XCTAssertLessThanOrEqual(inWindow, limit.requests, "window from \(start)")
        }
        XCTAssertEqual(starts.prefix(3), [.zero, .zero, .zero])
        // After the burst of 3, one token every 60 s / 7 (rounded up to the microsecond): the 40th request starts
        // at the 37th refill.
        assertDuration(starts[3], .microseconds(8_571_429), accuracy: .microseconds(1))
        assertDuration(starts[39], .microseconds(37 * 8_571_429), accuracy: .microseconds(1))
    }

    func testAsMiddlewareItWaitsBeforeSendingAndPassesUnlimitedClasses() async throws {
        let time = ManualTime()
        let limiter = RateLimiter(limits: ["invoices.create": oneEverySecond], clock: time.clock)
        let sent = Log()
        let next: @Sendable (TransportRequest) async throws -> TransportResponse = { request in
            sent.append(request.operation ?? "none")
            return TransportResponse(statusCode: 200)
        }
        let url = URL(string: "https://api.example.com/api/v1/invoices")!
        let create = TransportRequest(method: .post, url: url, operation: "invoices.create")

        _ = try await limiter.intercept(create, next: next)
        _ = try await limiter.intercept(
            TransportRequest(method: .get, url: url, operation: "invoices.list"), next: next)
        _ = try await limiter.intercept(TransportRequest(method: .get, url: url), next: next)
        let second = Task { try await limiter.intercept(create, next: next) }
        try await eventually { time.deadlines == [.seconds(1)] }
        XCTAssertEqual(sent.entries, ["invoices.create", "invoices.list", "none"])

        time.advance(by: .seconds(1))
        let response = try await second.value
        XCTAssertEqual(response.statusCode, 200)
        XCTAssertEqual(sent.entries, ["invoices.create", "invoices.list", "none", "invoices.create"])
    }

    func testAClockSetBackCountsAsNoTimePassing() async throws {
        let time = ManualTime()
        time.set(now: .seconds(100))
        let limiter = RateLimiter(limits: ["get": oneEverySecond], clock: time.clock)
        try await limiter.acquire("get")

        time.set(now: .seconds(50))
        let next = Task { try await limiter.acquire("get") }

        try await eventually { time.deadlines == [.seconds(51)] }
        time.advance(by: .seconds(1))
        try await next.value
    }

    func testDescriptionListsTheClasses() {
        let limiter = RateLimiter(limits: [
            "list": RateLimiter.Limit(requests: 60, per: .seconds(60)),
            "get": RateLimiter.Limit(requests: 300, per: .seconds(60)),
        ])
        XCTAssertEqual(
            limiter.description,
            "RateLimiter(get: 300 per 60.0 seconds (burst 30), list: 60 per 60.0 seconds (burst 6))"
        )
    }

    private func assertCancelled(
        _ task: Task<Void, any Error>?,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async {
        do {
            try await task?.value
            XCTFail("expected CancellationError", file: file, line: line)
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)", file: file, line: line)
        }
    }
}

private func assertDuration(
    _ actual: Duration,
    _ expected: Duration,
    accuracy: Duration,
    file: StaticString = #filePath,
    line: UInt = #line
) {
    let difference = actual > expected ? actual - expected : expected - actual
    XCTAssertLessThanOrEqual(difference, accuracy, "\(actual) is not \(expected)", file: file, line: line)
}

/// Waits, by yielding, until `condition` holds; fails after ten seconds of wall time so a broken limiter cannot
/// hang the suite. Nothing here sleeps on the limiter's clock.
private func eventually(
    file: StaticString = #filePath,
    line: UInt = #line,
    _ condition: @Sendable () -> Bool
) async throws {
    let giveUp = Date().addingTimeInterval(10)
    while !condition() {
        guard Date() < giveUp else {
            XCTFail("condition never held", file: file, line: line)
            throw CancellationError()
        }
        await Task.yield()
    }
}

/// Names appended by concurrent tasks, in order.
private final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []

    func append(_ value: String) {
        lock.withLock { values.append(value) }
    }

    var entries: [String] { lock.withLock { values } }
}

/// A clock that moves only when the test says so; sleepers wake when it passes their deadline, and cancelling a
/// sleeper wakes it with `CancellationError`.
private final class ManualTime: @unchecked Sendable {
    private struct Sleeper {
        let id: Int
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()
    private var current: Duration = .zero
    private var sleepers: [Sleeper] = []
    private var nextID = 0
    private let advancesOnSleep: Bool

    /// With `advancesOnSleep`, a sleep moves the clock to its deadline at once (virtual time for long runs).
    init(advancesOnSleep: Bool = false) {
        self.advancesOnSleep = advancesOnSleep
    }

    var clock: WaitClock {
        WaitClock(
            now: { Date(timeIntervalSinceReferenceDate: Self.seconds(self.now)) },
            sleep: { try await self.sleep(until: self.now + $0) }
        )
    }

    /// The time since the clock started.
    var now: Duration { lock.withLock { current } }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }

    /// The deadlines of the current sleepers, in the order they went to sleep.
    var deadlines: [Duration] { lock.withLock { sleepers.map(\.deadline) } }

    func advance(by duration: Duration) {
        lock.withLock { current += duration }
        fireDueSleepers()
    }

    /// Moves the clock without waking anyone.
    func set(now: Duration) {
        lock.withLock { current = now }
    }

    func fireDueSleepers() {
        let due: [Sleeper] = lock.withLock {
            let due = sleepers.filter { $0.deadline <= current }
            sleepers.removeAll { $0.deadline <= current }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    private func sleep(until deadline: Duration) async throws {
        let id: Int = lock.withLock {
            nextID += 1
            return nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let immediate: Result<Void, any Error>? = lock.withLock {
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if advancesOnSleep { current = max(current, deadline) }
                    if deadline <= current { return .success(()) }
                    sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let cancelled: Sleeper? = lock.withLock {
                guard let index = sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }
}
