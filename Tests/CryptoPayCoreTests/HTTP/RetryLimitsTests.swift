import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// `Retry-After` beyond the cap, absurd `Retry-After` values, and the overall deadline per call.
final class RetryLimitsTests: XCTestCase {
    func testRetryAfterBeyondTheCapIsReturnedToTheCallerNotRetriedEarly() async throws {
        let transport = ReplayTransport()
        transport.enqueue(.response(TransportResponse(statusCode: 429, headers: ["Retry-After": "120"])))
        transport.enqueue(json: "{}")
        let clock = ManualClock()
        let client = try makeClient(transport: transport, retryPolicy: clock.retryPolicy())

        await assertThrows(try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/"))) { error in
            XCTAssertEqual(error.kind, .rateLimited)
            XCTAssertEqual(error.retryAfter, .seconds(120))
            XCTAssertTrue(error.description.contains("retry after 120 s"), error.description)
        }
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(clock.sleeps, [])
    }

    func testHugeRetryAfterWithAHugeCapNeitherCrashesNorWaits() async throws {
        let transport = ReplayTransport()
        transport.enqueue(.response(TransportResponse(statusCode: 429, headers: ["Retry-After": "99999999999"])))
        let policy = RetryPolicy(
            maxRetryAfter: .seconds(Int64.max), random: { 0.5 },
            clock: WaitClock(now: { Date() }, sleep: { _ in XCTFail("must not wait") }))
        let client = try makeClient(transport: transport, retryPolicy: policy)

        await assertThrows(try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/"))) { error in
            XCTAssertEqual(error.kind, .rateLimited)
            XCTAssertEqual(error.retryAfter, .seconds(86_400), "clamped to a day")
        }
        XCTAssertEqual(policy.maxRetryAfter, RetryPolicy.longestWait)
        XCTAssertEqual(RetryPolicy.clamped(.seconds(-1)), .zero)
        XCTAssertEqual(RetryPolicy.clamped(.seconds(Int64.max)), RetryPolicy.longestWait)
    }

    /// 503 five times with 4 s waits: a 10 s deadline allows the tries whose waits fit, and each try's timeout is
    /// cut to the time left.
    func testOverallDeadlineBoundsTriesAndWaits() async throws {
        let transport = ReplayTransport()
        for _ in 0..<6 {
            transport.enqueue(.response(TransportResponse(statusCode: 503, headers: ["Retry-After": "4"])))
        }
        let clock = ManualClock()
        let client = try makeClient(
            transport: transport,
            retryPolicy: clock.retryPolicy(maxRetries: 5, overallDeadline: .seconds(10))
        )

        await assertThrows(try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/"))) { error in
            XCTAssertEqual(error.kind, .server)
        }
        XCTAssertEqual(transport.requests.count, 3, "tries at 0 s, 4 s and 8 s; a wait to 12 s would pass 10 s")
        XCTAssertEqual(clock.sleeps, [.seconds(4), .seconds(4)])
        XCTAssertEqual(transport.requests.map(\.request.timeout), [.seconds(10), .seconds(6), .seconds(2)])
    }

    func testNoTimeLeftIsATimedOutErrorThatSentNothing() async throws {
        let transport = ReplayTransport()
        let client = try makeClient(transport: transport, retryPolicy: RetryPolicy(overallDeadline: .zero))
        await assertThrows(try await client.send(Endpoint<JSONValue>("items.create", .post, "/items/"))) { error in
            XCTAssertEqual(error.kind, .timedOut)
            XCTAssertEqual(error.outcome, .notApplied)
            XCTAssertEqual(error.operation, "items.create")
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }
}
