import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

final class RetryPolicyTests: XCTestCase {
    /// A policy whose jitter always lands in the middle: each wait is 3/4 of its ceiling.
    let policy = RetryPolicy(
        maxRetries: 2,
        baseDelay: .milliseconds(500),
        maxDelay: .seconds(8),
        maxRetryAfter: .seconds(30),
        random: { 0.5 },
        clock: WaitClock(now: { Date(timeIntervalSince1970: 1_000_000) }, sleep: { _ in })
    )

    /// Idempotency × failure → retry or not, and the wait chosen (first retry: ceiling 0.5 s → 0.375 s).
    func testDecisionTable() {
        typealias Row = (Bool, RetryPolicy.Outcome, RetryPolicy.Decision)
        func status(_ code: Int, _ headers: HeaderFields = [:]) -> RetryPolicy.Outcome {
            .response(status: code, headers: headers)
        }
        let rows: [Row] = [
            (true, status(408), .retry(after: .milliseconds(375))),
            (true, status(429), .retry(after: .milliseconds(375))),
            (true, status(429, ["Retry-After": "12"]), .retry(after: .seconds(12))),
            (true, status(429, ["retry-after": "120"]), .stop),
            (true, status(429, ["Retry-After": "30"]), .retry(after: .seconds(30))),
            (true, status(429, ["Retry-After": "99999999999999999999999"]), .stop),
            (true, status(503, ["Retry-After": "Mon, 12 Jan 1970 13:46:50 GMT"]), .retry(after: .seconds(10))),
            (true, status(503, ["Retry-After": "soon"]), .retry(after: .milliseconds(375))),
            (true, status(500), .retry(after: .milliseconds(375))),
            (true, status(502), .retry(after: .milliseconds(375))),
            (true, status(503), .retry(after: .milliseconds(375))),
            (true, status(504), .retry(after: .milliseconds(375))),
            (true, status(509), .retry(after: .milliseconds(375))),
            (true, status(501), .stop),
            (true, status(400), .stop),
            (true, status(401), .stop),
            (true, status(404), .stop),
            (true, status(200), .stop),
            (true, status(503), .retry(after: .milliseconds(375))),
            (false, status(500), .stop),
            (false, status(503), .stop),
            (false, status(429, ["Retry-After": "1"]), .stop),
            (false, status(502), .stop),
            (false, status(503), .stop),
            (false, status(503), .stop),
            (true, .transportFailure(.connectionRefused), .retry(after: .milliseconds(375))),
            (true, .transportFailure(.timedOut), .retry(after: .milliseconds(375))),
            (true, .transportFailure(.connectionLost), .retry(after: .milliseconds(375))),
            (true, .transportFailure(.hostNotFound), .retry(after: .milliseconds(375))),
            (true, .transportFailure(.secureConnectionFailed), .stop),
            (false, .transportFailure(.connectionRefused), .retry(after: .milliseconds(375))),
            (false, .transportFailure(.hostNotFound), .retry(after: .milliseconds(375))),
            (false, .transportFailure(.notConnected), .retry(after: .milliseconds(375))),
            (false, .transportFailure(.timedOut), .stop),
            (false, .transportFailure(.connectionLost), .stop),
            (false, .transportFailure(.timedOut), .stop),
            (false, .transportFailure(.connectionRefused), .retry(after: .milliseconds(375))),
            (false, .transportFailure(.other(code: -1)), .stop),
        ]
        for (idempotent, outcome, expected) in rows {
            XCTAssertEqual(
                policy.decision(isIdempotent: idempotent, outcome: outcome, attempt: 1),
                expected,
                "idempotent \(idempotent) \(outcome)"
            )
        }
    }

    func testBackoffGrowsExponentiallyWithinTheCapAndJitters() {
        XCTAssertEqual(policy.backoff(retry: 1), .milliseconds(375))
        XCTAssertEqual(policy.backoff(retry: 2), .milliseconds(750))
        XCTAssertEqual(policy.backoff(retry: 3), .milliseconds(1500))
        XCTAssertEqual(policy.backoff(retry: 6), .seconds(6))
        XCTAssertEqual(policy.backoff(retry: 40), .seconds(6))
        let low = RetryPolicy(random: { 0 })
        let high = RetryPolicy(random: { 0.999_999 })
        XCTAssertEqual(low.backoff(retry: 2), .milliseconds(500))
        XCTAssertEqual(high.backoff(retry: 2).timeInterval, 1, accuracy: 0.000_01)
    }

    func testStopsAfterMaxRetriesAndZeroDisables() {
        let outcome = RetryPolicy.Outcome.response(status: 503, headers: [:])
        XCTAssertEqual(
            policy.decision(isIdempotent: true, outcome: outcome, attempt: 2), .retry(after: .milliseconds(750)))
        XCTAssertEqual(policy.decision(isIdempotent: true, outcome: outcome, attempt: 3), .stop)
        XCTAssertEqual(RetryPolicy.none.decision(isIdempotent: true, outcome: outcome, attempt: 1), .stop)
    }

    func testMiddlewareRetriesSafeRequestsWaitingAsDecided() async throws {
        let waits = WaitRecorder()
        let transport = ReplayTransport()
        transport.enqueue(.failure(.connectionLost))
        transport.enqueue(.response(TransportResponse(statusCode: 429, headers: ["Retry-After": "3"])))
        transport.enqueue(json: "{}")
        let client = try makeClient(
            transport: transport,
            retryPolicy: RetryPolicy(
                maxRetries: 2, random: { 0.5 }, clock: WaitClock(now: { Date() }, sleep: { await waits.record($0) }))
        )
        _ = try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/"))
        XCTAssertEqual(transport.requests.map(\.request.attempt), [1, 2, 3])
        let recorded = await waits.values
        XCTAssertEqual(recorded, [.milliseconds(375), .seconds(3)])
    }

    func testMiddlewareGivesUpAfterMaxRetriesWithTheLastResponse() async throws {
        let transport = ReplayTransport()
        for _ in 0..<3 { transport.enqueue(status: 503, json: #"{"message":"down"}"#) }
        transport.enqueue(json: "{}")
        let client = try makeClient(transport: transport)
        await assertThrows(try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/"))) {
            XCTAssertEqual($0.kind, .server)
            XCTAssertEqual($0.message, "down")
        }
        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(transport.pendingReplies, 1)
    }

    func testPostIsResentOnlyWhenItNeverLeft() async throws {
        let transport = ReplayTransport()
        transport.enqueue(.failure(.connectionRefused))
        transport.enqueue(status: 201, json: "{}")
        let client = try makeClient(transport: transport)
        _ = try await client.send(Endpoint<JSONValue>("items.create", .post, "/items/"))
        XCTAssertEqual(transport.requests.count, 2)

        let once = ReplayTransport()
        once.enqueue(status: 500, json: "{}")
        once.enqueue(status: 201, json: "{}")
        let single = try makeClient(transport: once)
        await assertThrows(try await single.send(Endpoint<JSONValue>("items.create", .post, "/items/"))) {
            XCTAssertEqual($0.kind, .server)
        }
        XCTAssertEqual(once.requests.count, 1)
    }

    func testCancellationDuringBackoffStopsRetrying() async throws {
        let transport = ReplayTransport()
        for _ in 0..<3 { transport.enqueue(status: 503, json: "{}") }
        let client = try makeClient(
            transport: transport,
            retryPolicy: RetryPolicy(
                maxRetries: 2, baseDelay: .seconds(60), clock: .system)
        )
        let task = Task { try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/")) }
        while transport.requests.isEmpty { await Task.yield() }
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }
}

actor WaitRecorder {
    private(set) var values: [Duration] = []
    func record(_ value: Duration) { values.append(value) }
}
