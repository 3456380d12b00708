import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Every public span of time is a `Duration`, kept exactly where Foundation does not need seconds.
final class DurationAPITests: XCTestCase {
    func testConfigurationAndRequestTimeoutsAreDurations() {
        let configuration = ClientConfiguration(timeout: .milliseconds(2_500))
        let request = TransportRequest(
            method: .get, url: URL(fileURLWithPath: "/"), timeout: configuration.timeout)

        XCTAssertEqual(request.timeout, .milliseconds(2_500))
        XCTAssertEqual(TransportRequest(method: .get, url: URL(fileURLWithPath: "/")).timeout, .seconds(30))
    }

    /// libcurl takes whole seconds: anything past a whole second, even one millisecond, rounds up.
    func testEffectiveTimeoutRoundsUpToWholeSecondsWithinADay() {
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.milliseconds(1_001)), .seconds(2))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.nanoseconds(1)), .seconds(1))
        XCTAssertEqual(URLSessionTransport.effectiveTimeout(.seconds(86_401)), URLSessionTransport.maximumTimeout)
    }

    func testRetryDelaysAreDurations() {
        let policy = RetryPolicy(
            baseDelay: .milliseconds(200), maxDelay: .seconds(1), maxRetryAfter: .seconds(5), random: { 0 })

        XCTAssertEqual(policy.backoff(retry: 1), .milliseconds(100))
        XCTAssertEqual(policy.backoff(retry: 4), .milliseconds(500), "capped at maxDelay, then halved by jitter 0")
        XCTAssertEqual(policy.retryAfter(in: ["Retry-After": "7"]), .seconds(7))
        XCTAssertEqual(
            policy.decision(
                isIdempotent: true, outcome: .response(status: 429, headers: ["Retry-After": "5"]), attempt: 1),
            .retry(after: .seconds(5)))
    }

    func testSeenEventStoreForgetsAfterASubSecondTimeToLive() throws {
        let clock = ManualClock()
        let store = try SeenEventStore(timeToLive: .milliseconds(1_500), clock: clock.waitClock)

        XCTAssertTrue(store.insert("evt_1"))
        clock.advance(by: .milliseconds(1_400))
        XCTAssertFalse(store.insert("evt_1"))
        clock.advance(by: .milliseconds(200))
        XCTAssertFalse(store.contains("evt_1"))
        XCTAssertEqual(store.timeToLive, .milliseconds(1_500))
    }

    func testWebhookToleranceIsADurationAndANegativeOneIsRefused() throws {
        let scheme = try SvixSignatureScheme(secret: "whsec_c2VjcmV0", tolerance: .seconds(90))

        XCTAssertEqual(scheme.tolerance, .seconds(90))
        XCTAssertEqual(SvixSignatureScheme.defaultTolerance, .seconds(300))
        XCTAssertThrowsError(try SvixSignatureScheme(secret: "whsec_c2VjcmV0", tolerance: .milliseconds(-1))) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
        XCTAssertThrowsError(try SeenEventStore(timeToLive: .zero)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
    }

    func testLogRecordDurationIsADuration() async throws {
        let transport = ReplayTransport()
        transport.enqueue(json: "{}")
        let log = LogCollector()
        let client = try makeClient(transport: transport, logHandler: log.handler)

        _ = try await client.send(Endpoint<JSONValue>("items.list", .get, "/items/"))

        let duration: Duration = try XCTUnwrap(log.records.first).duration
        XCTAssertGreaterThanOrEqual(duration, .zero)
        XCTAssertLessThan(duration, .seconds(10))
    }
}
