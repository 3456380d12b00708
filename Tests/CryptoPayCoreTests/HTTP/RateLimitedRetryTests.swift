import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// ``ClientConfiguration/rateLimiter`` runs inside the retries: every try takes a token of its own.
final class RateLimitedRetryTests: XCTestCase {
    /// One token at once, then one every 10 s.
    private let oneEveryTenSeconds = RateLimiter.Limit(requests: 2, per: .seconds(10), burst: 1)

    func testEveryTryOfA5xxStormTakesAToken() async throws {
        let clock = ManualClock()
        let replay = ReplayTransport()
        let log = LogCollector()
        let client = try makeClient(
            replay, clock: clock, limits: ["items.retrieve": oneEveryTenSeconds], logHandler: log.handler)
        replay.enqueue(status: 503, json: "{}")
        replay.enqueue(status: 502, json: "{}")
        replay.enqueue(json: #"{"id":"p_1","amount":1.5,"created_at":"2019-08-24T14:15:22Z"}"#)

        let item = try await client.send(Endpoint<Item>("items.retrieve", .get, "/items/p_1"))

        XCTAssertEqual(item.id, "p_1")
        XCTAssertEqual(replay.requests.map(\.request.attempt), [1, 2, 3])
        // Backoff 0.375 s, then the rest of the 10 s to the next token; backoff 0.75 s, then the rest again.
        XCTAssertEqual(
            clock.sleeps, [.milliseconds(375), .milliseconds(9625), .milliseconds(750), .milliseconds(9250)])
        XCTAssertEqual(log.records.map(\.attempt), [1, 2, 3])
        XCTAssertEqual(log.records.map(\.status), [503, 502, 200])
    }

    func testARetryAfterARequestThatNeverLeftTakesAToken() async throws {
        let clock = ManualClock()
        let replay = ReplayTransport()
        let client = try makeClient(replay, clock: clock, limits: ["items.create": oneEveryTenSeconds])
        replay.enqueue(.failure(.connectionRefused))
        replay.enqueue(status: 201, json: #"{"id":"p_2","amount":"2","created_at":"2019-08-24T14:15:22Z"}"#)

        let item = try await client.send(Endpoint<Item>("items.create", .post, "/items", body: .json(["n": 1])))

        XCTAssertEqual(item.id, "p_2")
        XCTAssertEqual(replay.requests.map(\.request.attempt), [1, 2])
        XCTAssertEqual(clock.sleeps, [.milliseconds(375), .milliseconds(9625)])
    }

    func testAClassWithoutALimitIsRetriedWithoutWaiting() async throws {
        let clock = ManualClock()
        let replay = ReplayTransport()
        let client = try makeClient(replay, clock: clock, limits: ["items.create": oneEveryTenSeconds])
        replay.enqueue(status: 500, json: "{}")
        replay.enqueue(json: #"{"id":"p_3","amount":3,"created_at":"2019-08-24T14:15:22Z"}"#)

        _ = try await client.send(Endpoint<Item>("items.retrieve", .get, "/items/p_3"))

        XCTAssertEqual(clock.sleeps, [.milliseconds(375)])
    }

    func testALimitSharedByInstancesDividesRequestsAndBurst() {
        let documented = RateLimiter.Limit(requests: 100, per: .seconds(60))
        XCTAssertEqual(documented.shared(by: 3), RateLimiter.Limit(requests: 33, per: .seconds(60), burst: 3))
        XCTAssertEqual(documented.shared(by: 1), documented)
        XCTAssertEqual(documented.shared(by: 0), documented)
        XCTAssertEqual(documented.shared(by: 200), RateLimiter.Limit(requests: 1, per: .seconds(60), burst: 1))
        let explicit = RateLimiter.Limit(requests: 12, per: .seconds(10), burst: 4)
        XCTAssertEqual(explicit.shared(by: 2), RateLimiter.Limit(requests: 6, per: .seconds(10), burst: 2))

        let limiter = RateLimiter(limits: ["create": documented, "get": explicit], instances: 2)
        XCTAssertEqual(limiter.limits["create"], RateLimiter.Limit(requests: 50, per: .seconds(60), burst: 5))
        XCTAssertEqual(limiter.limits["get"], RateLimiter.Limit(requests: 6, per: .seconds(10), burst: 2))
    }

    func testAnInstanceWaitsForTokensAtItsShareOfTheRate() async throws {
        let clock = ManualClock()
        // 12 per 10 s with a burst of 2; half of it is 6 per 10 s with a burst of 1: a token every 2 s.
        let limiter = RateLimiter(
            limits: ["get": RateLimiter.Limit(requests: 12, per: .seconds(10), burst: 2)],
            instances: 2,
            clock: clock.waitClock
        )
        for _ in 0..<3 { try await limiter.acquire("get") }

        XCTAssertEqual(clock.sleeps, [.seconds(2), .seconds(2)])
    }

    private func makeClient(
        _ transport: ReplayTransport,
        clock: ManualClock,
        limits: [String: RateLimiter.Limit],
        logHandler: HTTPLogHandler? = nil
    ) throws -> APIClient {
        try APIClient(
            provider: ProviderID(rawValue: "sample"),
            credentials: .apiKey("sk_live_SECRET123"),
            configuration: ClientConfiguration(
                transport: transport,
                retryPolicy: clock.retryPolicy(maxRetries: 2),
                rateLimiter: RateLimiter(limits: limits, clock: clock.waitClock),
                logHandler: logHandler
            ),
            defaultBaseURL: URL(string: "https://api.example.com/v1"),
            errorFormat: SampleErrorFormat()
        )
    }
}
