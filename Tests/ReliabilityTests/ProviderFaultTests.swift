import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

/// Item 1: every provider's create and retrieve through a transport that fails on command. Each scenario asserts
/// the number of tries, the waits the retry policy chose (on a manual clock: 2 retries, base 0.5 s, jitter fixed
/// at the middle, so 375 ms then 750 ms), what the caller sees (kind, status, transport failure, `Retry-After`,
/// outcome) and how many requests reached the server. A create is never sent twice once it may have arrived.
final class ProviderFaultTests: XCTestCase {
    private typealias Fault = FaultInjectingTransport.Fault

    /// What one scenario must produce.
    private struct Expectation {
        var faults: [Fault]
        var attempts: Int
        var waits: [Duration]
        var serverReceived: Int
        /// `nil` for success.
        var kind: PaymentError.Kind?
        var transportFailure: TransportFailure? = nil
        var httpStatus: Int? = nil
        var retryAfter: Duration? = nil
        var outcome: PaymentError.Outcome? = nil
    }

    private static let firstWait = Duration.milliseconds(375)
    private static let secondWait = Duration.milliseconds(750)

    /// `Retry-After` as an HTTP date 12 s after the manual clock's start.
    private static func httpDate(secondsAfter seconds: TimeInterval, _ clock: ManualClock) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: clock.now.addingTimeInterval(seconds))
    }

    private static func createScenarios(_ clock: ManualClock) -> [(String, Expectation)] {
        [
            (
                "connection refused three times",
                Expectation(
                    faults: Array(repeating: .connectionRefused, count: 3), attempts: 3,
                    waits: [firstWait, secondWait], serverReceived: 0, kind: .transport,
                    transportFailure: .connectionRefused, outcome: .notApplied)
            ),
            (
                "connection refused, then success",
                Expectation(faults: [.connectionRefused], attempts: 2, waits: [firstWait], serverReceived: 1, kind: nil)
            ),
            (
                "timeout",
                Expectation(
                    faults: [.timeout], attempts: 1, waits: [], serverReceived: 1, kind: .transport,
                    transportFailure: .timedOut, outcome: .unknown)
            ),
            (
                "connection reset mid-response",
                Expectation(
                    faults: [.connectionReset], attempts: 1, waits: [], serverReceived: 1, kind: .transport,
                    transportFailure: .connectionLost, outcome: .unknown)
            ),
            (
                "truncated JSON",
                Expectation(
                    faults: [.truncatedBody], attempts: 1, waits: [], serverReceived: 1, kind: .decoding,
                    outcome: .unknown)
            ),
            (
                "HTML 502 page",
                Expectation(
                    faults: [.htmlPage(status: 502)], attempts: 1, waits: [], serverReceived: 0, kind: .server,
                    httpStatus: 502, outcome: .unknown)
            ),
            (
                "empty 200",
                Expectation(
                    faults: [.emptyBody], attempts: 1, waits: [], serverReceived: 1, kind: .decoding,
                    outcome: .unknown)
            ),
            (
                "429 with Retry-After seconds",
                Expectation(
                    faults: [.rateLimited(retryAfter: "7")], attempts: 1, waits: [], serverReceived: 0,
                    kind: .rateLimited, httpStatus: 429, retryAfter: .seconds(7), outcome: .notApplied)
            ),
            (
                "429 with Retry-After HTTP date",
                Expectation(
                    faults: [.rateLimited(retryAfter: httpDate(secondsAfter: 12, clock))], attempts: 1, waits: [],
                    serverReceived: 0, kind: .rateLimited, httpStatus: 429, retryAfter: .seconds(12),
                    outcome: .notApplied)
            ),
            (
                "503 then success",
                Expectation(
                    faults: [.status(503)], attempts: 1, waits: [], serverReceived: 0, kind: .server, httpStatus: 503,
                    outcome: .unknown)
            ),
            (
                "500",
                Expectation(
                    faults: [.status(500)], attempts: 1, waits: [], serverReceived: 0, kind: .server, httpStatus: 500,
                    outcome: .unknown)
            ),
        ]
    }

    private static func retrieveScenarios(_ clock: ManualClock) -> [(String, Expectation)] {
        [
            (
                "connection refused three times",
                Expectation(
                    faults: Array(repeating: .connectionRefused, count: 3), attempts: 3,
                    waits: [firstWait, secondWait], serverReceived: 0, kind: .transport,
                    transportFailure: .connectionRefused, outcome: .notApplied)
            ),
            (
                "timeout, then success",
                Expectation(faults: [.timeout], attempts: 2, waits: [firstWait], serverReceived: 2, kind: nil)
            ),
            (
                "timeout three times",
                Expectation(
                    faults: Array(repeating: .timeout, count: 3), attempts: 3, waits: [firstWait, secondWait],
                    serverReceived: 3, kind: .transport, transportFailure: .timedOut, outcome: .notApplied)
            ),
            (
                "connection reset mid-response, then success",
                Expectation(faults: [.connectionReset], attempts: 2, waits: [firstWait], serverReceived: 2, kind: nil)
            ),
            (
                "truncated JSON",
                Expectation(
                    faults: [.truncatedBody], attempts: 1, waits: [], serverReceived: 1, kind: .decoding,
                    outcome: .notApplied)
            ),
            (
                "HTML 502 page, then success",
                Expectation(
                    faults: [.htmlPage(status: 502)], attempts: 2, waits: [firstWait], serverReceived: 1, kind: nil)
            ),
            (
                "HTML 502 page three times",
                Expectation(
                    faults: Array(repeating: .htmlPage(status: 502), count: 3), attempts: 3,
                    waits: [firstWait, secondWait], serverReceived: 0, kind: .server, httpStatus: 502,
                    outcome: .notApplied)
            ),
            (
                "empty 200",
                Expectation(
                    faults: [.emptyBody], attempts: 1, waits: [], serverReceived: 1, kind: .decoding,
                    outcome: .notApplied)
            ),
            (
                "429 with Retry-After seconds, then success",
                Expectation(
                    faults: [.rateLimited(retryAfter: "7")], attempts: 2, waits: [.seconds(7)], serverReceived: 1,
                    kind: nil)
            ),
            (
                "429 with Retry-After HTTP date, then success",
                Expectation(
                    faults: [.rateLimited(retryAfter: httpDate(secondsAfter: 12, clock))], attempts: 2,
                    waits: [.seconds(12)], serverReceived: 1, kind: nil)
            ),
            (
                "429 with Retry-After beyond the 30 s cap",
                Expectation(
                    faults: [.rateLimited(retryAfter: "120")], attempts: 1, waits: [], serverReceived: 0,
                    kind: .rateLimited, httpStatus: 429, retryAfter: .seconds(120), outcome: .notApplied)
            ),
            (
                "503 then success",
                Expectation(faults: [.status(503)], attempts: 2, waits: [firstWait], serverReceived: 1, kind: nil)
            ),
            (
                "503 three times",
                Expectation(
                    faults: Array(repeating: .status(503), count: 3), attempts: 3, waits: [firstWait, secondWait],
                    serverReceived: 0, kind: .server, httpStatus: 503, outcome: .notApplied)
            ),
            (
                "500 then success",
                Expectation(faults: [.status(500)], attempts: 2, waits: [firstWait], serverReceived: 1, kind: nil)
            ),
        ]
    }

    func testCreateUnderEveryFaultForEveryProvider() async throws {
        var checked = 0
        for harness in ProviderHarness.all {
            let scenarios = Self.createScenarios(ManualClock())
            for (name, expectation) in scenarios {
                try await check(harness, harness.create, name, expectation) { calls in
                    { try await calls.create(harness.createMarker) }
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 5 * 11)
    }

    func testRetrieveUnderEveryFaultForEveryProvider() async throws {
        var checked = 0
        for harness in ProviderHarness.all {
            for (name, expectation) in Self.retrieveScenarios(ManualClock()) {
                try await check(harness, harness.retrieve, name, expectation) { calls in
                    { try await calls.retrieve(harness.retrieveID) }
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 5 * 14)
    }

    /// A create whose outcome is unknown is never sent again, whatever follows: with the policy's full budget of
    /// retries and faults queued behind it that would make a resend succeed, the server still sees one create.
    func testACreateThatMayHaveArrivedIsSentExactlyOnce() async throws {
        let mayHaveArrived: [Fault] = [
            .timeout, .connectionReset, .truncatedBody, .emptyBody, .htmlPage(status: 502), .status(500),
            .status(503), .status(504),
        ]
        for harness in ProviderHarness.all {
            for fault in mayHaveArrived {
                let server = try harness.server()
                let faults = FaultInjectingTransport(base: server)
                faults.inject(fault)
                let clock = ManualClock()
                let calls = try harness.makeCalls(
                    configuration(harness, faults, clock.retryPolicy(maxRetries: 5)))

                let error = try await paymentError("\(harness.provider) \(fault)") {
                    _ = try await calls.create(harness.createMarker)
                }

                let label = "\(harness.provider) \(harness.create.operation) after \(fault)"
                XCTAssertEqual(faults.attempts.count, 1, label)
                XCTAssertLessThanOrEqual(harness.received(harness.create, by: server).count, 1, label)
                XCTAssertEqual(error.outcome, .unknown, label)
                XCTAssertEqual(clock.sleeps, [], label)
                XCTAssertTrue(error.description.contains("look the object up before retrying") == true, label)
            }
        }
    }

    /// The USDT invoice API's create-or-retrieve resolves an unknown outcome by the reference it sent: one create,
    /// one lookup, no second create.
    func testUSDTCreateOrRetrieveResolvesATimeoutWithOneLookupAndNoSecondCreate() async throws {
        let harness = ProviderHarness.usdtInvoice
        let server = try harness.server()
        server.route(
            .get, "/api/v1/invoices/reference/ORDER-12345",
            reply: .response(
                TransportResponse(statusCode: 200, body: try Fixtures.data("USDTInvoice/invoices_retrieve.json"))))
        let faults = FaultInjectingTransport(base: server)
        faults.inject(.timeout)
        let clock = ManualClock()
        let client = try USDTInvoiceClient(
            apiKey: FakeSecrets.usdtInvoiceAPIKey, configuration: configuration(harness, faults, clock.retryPolicy()))

        let invoice = try await client.invoices.createOrRetrieve(
            USDTInvoiceParameters(amount: try Money("150.0000", .usdtTron), reference: "ORDER-12345"))

        XCTAssertEqual(invoice.id, "550e8400-e29b-41d4-a716-446655440000")
        XCTAssertEqual(server.requests.map(\.method), [.post, .get])
        XCTAssertEqual(server.requests.map(\.path), ["/api/v1/invoices", "/api/v1/invoices/reference/ORDER-12345"])
        XCTAssertEqual(clock.sleeps, [])
    }

    // MARK: - Running one scenario

    private func configuration(_ harness: ProviderHarness, _ transport: any HTTPTransport, _ policy: RetryPolicy)
        -> ClientConfiguration
    {
        ClientConfiguration(baseURL: harness.baseURL, transport: transport, retryPolicy: policy)
    }

    private func check(
        _ harness: ProviderHarness,
        _ route: ProviderHarness.Route,
        _ name: String,
        _ expectation: Expectation,
        call: (ProviderHarness.Calls) -> @Sendable () async throws -> String
    ) async throws {
        let label = "\(harness.provider) \(route.operation), \(name)"
        let server = try harness.server()
        let faults = FaultInjectingTransport(base: server)
        for fault in expectation.faults { faults.inject(fault) }
        let clock = ManualClock()
        let logs = LogCollector()
        var configuration = configuration(harness, faults, clock.retryPolicy())
        configuration.logHandler = logs.handler
        let calls = try harness.makeCalls(configuration)

        if let kind = expectation.kind {
            let error = try await paymentError(label) { _ = try await call(calls)() }
            XCTAssertEqual(error.kind, kind, label)
            XCTAssertEqual(error.provider, harness.provider, label)
            XCTAssertEqual(error.operation, route.operation, label)
            XCTAssertEqual(error.transportFailure, expectation.transportFailure, label)
            // An unreadable success body keeps the success status it came with.
            let status = kind == .decoding ? route.status : expectation.httpStatus
            XCTAssertEqual(error.httpStatus, status, label)
            XCTAssertEqual(error.retryAfter, expectation.retryAfter, label)
            XCTAssertEqual(error.outcome, expectation.outcome, label)
            let unknown = error.description.contains("outcome unknown") == true
            XCTAssertEqual(unknown, expectation.outcome == .unknown, "\(label): \(error.description)")
        } else {
            do {
                let identity = try await call(calls)()
                XCTAssertEqual(identity, route.identity, label)
            } catch {
                XCTFail("\(label): expected success, got \(error)")
            }
        }
        let attempts = faults.attempts
        XCTAssertEqual(attempts.count, expectation.attempts, "\(label): tries")
        XCTAssertEqual(attempts.map(\.request.request.attempt), Array(1...max(1, attempts.count)), label)
        XCTAssertTrue(
            attempts.allSatisfy {
                $0.request.method == route.method && $0.request.path == route.path
                    && $0.request.request.body == attempts.first?.request.request.body
            }, "\(label): every try sends the same request")
        XCTAssertEqual(clock.sleeps, expectation.waits, "\(label): waits")
        XCTAssertEqual(harness.received(route, by: server).count, expectation.serverReceived, "\(label): server")
        XCTAssertEqual(faults.pendingFaults, 0, "\(label): every injected fault was met")
        XCTAssertEqual(logs.records.map(\.attempt), Array(1...max(1, attempts.count)), "\(label): one log line a try")
    }
}
