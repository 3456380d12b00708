import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import USDTInvoice

final class RateLimitTests: XCTestCase {
    func testAGetThatGets429IsRetriedAfterRetryAfter() async throws {
        let waits = Waits()
        let policy = RetryPolicy(
            maxRetries: 2, random: { 0.5 }, clock: WaitClock(now: { Date() }, sleep: { waits.append($0) }))
        let (client, transport) = try makeClient(retryPolicy: policy)
        try transport.enqueue(
            fixture: "USDTInvoice/error_429.json",
            status: 429,
            headers: ["Content-Type": "application/json", "Retry-After": "2"]
        )
        try transport.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")

        let invoice = try await client.invoices.retrieve(id: documentInvoiceID)

        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(transport.requests.map(\.request.attempt), [1, 2])
        XCTAssertEqual(waits.values, [.seconds(2)])
        XCTAssertEqual(invoice.id, documentInvoiceID)
    }

    func testACreateThatGets429IsNotResent() async throws {
        let waits = Waits()
        let policy = RetryPolicy(
            maxRetries: 2, random: { 0.5 }, clock: WaitClock(now: { Date() }, sleep: { waits.append($0) }))
        let (client, transport) = try makeClient(retryPolicy: policy)
        try transport.enqueue(
            fixture: "USDTInvoice/error_429.json",
            status: 429,
            headers: ["Content-Type": "application/json", "Retry-After": "2"]
        )

        let error = try await paymentError {
            try await client.invoices.create(USDTInvoiceParameters(amount: Money(5, .usdtTron), reference: "R-1"))
        }

        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(waits.values, [])
        XCTAssertEqual(error.kind, .rateLimited)
        XCTAssertEqual(error.retryAfter, .seconds(2))
        XCTAssertEqual(error.outcome, .notApplied)
        XCTAssertEqual(error.message, "ThrottlerException: Too Many Requests")
        XCTAssertNil(error.providerCode)
    }

    func testDocumentedLimitsAndEndpointClasses() {
        let limits = USDTInvoiceClient.documentedRateLimits
        XCTAssertEqual(limits["create"]?.requests, 100)
        XCTAssertEqual(limits["get"]?.requests, 300)
        XCTAssertEqual(limits["list"]?.requests, 60)
        XCTAssertEqual(limits["sandbox"]?.requests, 60)
        XCTAssertEqual(Set(limits.values.map(\.interval)), [.seconds(60)])
        let classes: [String: String?] = [
            "invoices.create": "create", "invoices.retrieve": "get", "invoices.retrieveByReference": "get",
            "invoices.list": "list", "sandbox.simulatePayment": "sandbox", "sandbox.triggerExpiry": "sandbox",
            "sandbox.testWebhook": "sandbox", "invoices.cancel": nil, "account.retrieve": nil,
            "account.apiLogs": nil,
        ]
        for (operation, expected) in classes {
            XCTAssertEqual(USDTInvoiceClient.rateLimitClass(of: operation), expected, operation)
        }
    }

    func testTheLimiterSpacesCreatesAfterTheBurstAndLeavesOtherClassesAlone() async throws {
        let time = ManualClock()
        let limiter = USDTInvoiceClient.makeRateLimiter(clock: time.waitClock)
        let (client, transport) = try makeClient(rateLimiter: limiter)
        for _ in 0..<12 { try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201) }
        for _ in 0..<20 { try transport.enqueue(fixture: "USDTInvoice/account_retrieve.json") }

        for index in 0..<12 {
            _ = try await client.invoices.create(
                USDTInvoiceParameters(amount: Money(1, .usdtTron), reference: "R-\(index)"))
        }
        for _ in 0..<20 { _ = try await client.account.retrieve() }

        XCTAssertEqual(transport.requests.count, 32)
        // A burst of 10 (a tenth of 100), then one token every 60 s / 90, rounded up to the microsecond.
        XCTAssertEqual(time.sleeps, [.microseconds(666_667), .microseconds(666_667)])
    }

    func testEveryRetryOfA5xxStormWaitsForItsOwnToken() async throws {
        let clock = ManualClock()
        // One token at once, then one every 10 s: a try that took no token of its own would go out sooner.
        let limiter = USDTInvoiceClient.makeRateLimiter(
            limits: ["get": RateLimiter.Limit(requests: 2, per: .seconds(10), burst: 1)],
            clock: clock.waitClock
        )
        let replay = ReplayTransport()
        let transport = ClockedTransport(base: replay, clock: clock)
        let configuration = ClientConfiguration(
            baseURL: baseURL, transport: transport, retryPolicy: clock.retryPolicy(maxRetries: 2))
        let client = try USDTInvoiceClient(apiKey: testAPIKey, configuration: configuration, rateLimiter: limiter)
        for _ in 0..<2 { replay.enqueue(status: 503, json: #"{"statusCode":503,"message":"Service Unavailable"}"#) }
        try replay.enqueue(fixture: "USDTInvoice/invoices_retrieve.json")

        let invoice = try await client.invoices.retrieve(id: documentInvoiceID)

        XCTAssertEqual(invoice.id, documentInvoiceID)
        XCTAssertEqual(replay.requests.map(\.request.attempt), [1, 2, 3])
        let start = ManualClock().now
        XCTAssertEqual(transport.sentAt, [start, start + 10, start + 20])
        // Backoff of 0.375 s, then the rest of the 10 s to the next token; backoff of 0.75 s, the rest again.
        XCTAssertEqual(
            clock.sleeps,
            [.milliseconds(375), .milliseconds(9625), .milliseconds(750), .milliseconds(9250)]
        )
    }

    func testEachInstanceKeepsToItsShareOfTheDocumentedLimits() async throws {
        let shared = USDTInvoiceClient.makeRateLimiter(instances: 4)
        XCTAssertEqual(shared.limits["create"], RateLimiter.Limit(requests: 25, per: .seconds(60), burst: 2))
        XCTAssertEqual(shared.limits["get"], RateLimiter.Limit(requests: 75, per: .seconds(60), burst: 7))
        XCTAssertEqual(shared.limits["list"], RateLimiter.Limit(requests: 15, per: .seconds(60), burst: 1))
        XCTAssertEqual(shared.limits["sandbox"], RateLimiter.Limit(requests: 15, per: .seconds(60), burst: 1))

        let clock = ManualClock()
        let limiter = USDTInvoiceClient.makeRateLimiter(instances: 4, clock: clock.waitClock)
        let (client, transport) = try makeClient(rateLimiter: limiter)
        for _ in 0..<4 { try transport.enqueue(fixture: "USDTInvoice/invoices_create.json", status: 201) }

        for index in 0..<4 {
            _ = try await client.invoices.create(
                USDTInvoiceParameters(amount: Money(1, .usdtTron), reference: "R-\(index)"))
        }

        XCTAssertEqual(transport.requests.count, 4)
        // A burst of 2, then one token every 60 s / 23, rounded up to the microsecond: 25 creates a minute at most.
        XCTAssertEqual(clock.sleeps, [.microseconds(2_608_696), .microseconds(2_608_696)])
    }

    func testACancelledWaitSendsNothing() async throws {
        let limiter = USDTInvoiceClient.makeRateLimiter(
            limits: ["sandbox": RateLimiter.Limit(requests: 2, per: .seconds(60), burst: 1)],
            clock: WaitClock(now: { Date() }, sleep: { try await Task.sleep(for: .seconds(3600) + $0) })
        )
        let (client, transport) = try makeClient(rateLimiter: limiter)
        try transport.enqueue(fixture: "USDTInvoice/sandbox_trigger_expiry.json")
        _ = try await client.sandbox.triggerExpiry(invoiceID: documentInvoiceID)

        let waiting = Task { try await client.sandbox.triggerExpiry(invoiceID: documentInvoiceID) }
        while limiter.waitingCount("sandbox") == 0 { await Task.yield() }
        waiting.cancel()

        do {
            _ = try await waiting.value
            XCTFail("expected CancellationError")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
        XCTAssertEqual(transport.requests.count, 1)
    }
}

/// Records the time on a manual clock at which each try reached the transport.
private final class ClockedTransport: HTTPTransport, @unchecked Sendable {
    private let base: any HTTPTransport
    private let clock: ManualClock
    private let lock = NSLock()
    private var times: [Date] = []

    init(base: any HTTPTransport, clock: ManualClock) {
        self.base = base
        self.clock = clock
    }

    var sentAt: [Date] { lock.withLock { times } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        lock.withLock { times.append(clock.now) }
        return try await base.send(request)
    }
}

/// Waits a retry policy asked for.
private final class Waits: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    func append(_ wait: Duration) {
        lock.withLock { recorded.append(wait) }
    }

    var values: [Duration] { lock.withLock { recorded } }
}
