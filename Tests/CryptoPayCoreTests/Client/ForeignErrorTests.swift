import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Errors of other types thrown by a custom transport or middleware reach the caller as ``PaymentError``.
final class ForeignErrorTests: XCTestCase {
    private let secret = "sk_live_SECRET123"

    func testATransportsOwnErrorBecomesATransportErrorWithoutTheSecretAndIsNotRetried() async throws {
        let transport = ThrowingTransport(ProxyError(detail: "proxy refused x-api-key: \(secret)"))
        let client = try makeClient(transport: transport)

        let error = await paymentError(sending: Endpoint("items.retrieve", .get, "/items/1"), with: client)

        XCTAssertEqual(error?.kind, .transport)
        XCTAssertEqual(
            error?.message, "a custom transport or middleware failed: ProxyError: proxy refused x-api-key: [REDACTED]")
        XCTAssertNil(error?.transportFailure)
        XCTAssertEqual(error?.underlyingDescription, "ProxyError: proxy refused x-api-key: [REDACTED]")
        XCTAssertEqual(error?.outcome, .notApplied)
        XCTAssertEqual(error?.provider, ProviderID(rawValue: "sample"))
        XCTAssertEqual(error?.operation, "items.retrieve")
        XCTAssertEqual(error?.request, PaymentError.RequestSummary(method: "GET", path: "/v1/items/1"))
        XCTAssertEqual(
            error?.description,
            "sample items.retrieve: GET /v1/items/1 [transport] a custom transport or middleware failed: ProxyError: "
                + "proxy refused x-api-key: [REDACTED]"
        )
        XCTAssertFalse(String(reflecting: error).contains(secret))
        // Nothing says whether the request left or whether trying again could help: one try only.
        XCTAssertEqual(transport.calls, 1)
    }

    func testAStateChangingRequestThatMetAForeignErrorHasAnUnknownOutcome() async throws {
        let transport = ThrowingTransport(ProxyError(detail: "upstream reset"))
        let client = try makeClient(transport: transport)

        let error = await paymentError(
            sending: Endpoint("items.create", .post, "/items", body: .json(["n": 1])), with: client)

        XCTAssertEqual(error?.kind, .transport)
        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertEqual(error?.message, "a custom transport or middleware failed: ProxyError: upstream reset")
        XCTAssertEqual(transport.calls, 1)
    }

    func testAMiddlewaresOwnErrorBecomesATransportErrorAndNothingIsSent() async throws {
        let replay = ReplayTransport()
        let middleware = ThrowingMiddleware(ProxyError(detail: "signing with \(secret) failed"))
        let client = try makeClient(transport: replay, middleware: [middleware])

        let error = await paymentError(
            sending: Endpoint("items.create", .post, "/items", body: .json(["n": 1])), with: client)

        XCTAssertEqual(error?.kind, .transport)
        XCTAssertEqual(
            error?.message, "a custom transport or middleware failed: ProxyError: signing with [REDACTED] failed")
        XCTAssertEqual(error?.outcome, .unknown)
        XCTAssertEqual(error?.operation, "items.create")
        XCTAssertEqual(replay.requests.count, 0)
    }

    func testCancellationErrorPassesThroughUnchanged() async throws {
        for client in [
            try makeClient(transport: ThrowingTransport(CancellationError())),
            try makeClient(transport: ReplayTransport(), middleware: [ThrowingMiddleware(CancellationError())]),
        ] {
            let error = await thrown(sending: Endpoint("items.retrieve", .get, "/items/1"), with: client)
            XCTAssertTrue(error is CancellationError, "got \(typeName(error))")
        }
    }

    func testAPaymentErrorFromATransportKeepsItsKindAndFailure() async throws {
        let transport = ThrowingTransport(PaymentError.transport(.timedOut, message: "slow"))
        let client = try makeClient(transport: transport)

        let error = await paymentError(sending: Endpoint("items.create", .post, "/items"), with: client)

        XCTAssertEqual(error?.message, "slow")
        XCTAssertEqual(error?.transportFailure, .timedOut)
        XCTAssertEqual(error?.outcome, .unknown)
    }

    func testAPaymentErrorFromATransportHasTheClientsCredentialsRedacted() async throws {
        let transport = ThrowingTransport(
            PaymentError.transport(
                .connectionLost,
                message: "reset while sending \(secret)",
                underlyingDescription: "ProxyError: x-api-key: \(secret)"
            )
        )
        let client = try makeClient(transport: transport)

        let error = await paymentError(sending: Endpoint("items.retrieve", .get, "/items/1"), with: client)

        XCTAssertEqual(error?.message, "reset while sending [REDACTED]")
        XCTAssertEqual(error?.underlyingDescription, "ProxyError: x-api-key: [REDACTED]")
        XCTAssertEqual(error?.transportFailure, .connectionLost)
        XCTAssertFalse(String(reflecting: error).contains(secret))
    }

    private func makeClient(transport: any HTTPTransport, middleware: [any HTTPMiddleware] = []) throws -> APIClient {
        try APIClient(
            provider: ProviderID(rawValue: "sample"),
            credentials: .apiKey(secret),
            configuration: ClientConfiguration(
                transport: transport,
                retryPolicy: RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate),
                middleware: middleware
            ),
            defaultBaseURL: URL(string: "https://api.example.com/v1"),
            errorFormat: SampleErrorFormat()
        )
    }

    /// What sending the endpoint threw, as a ``PaymentError`` (`nil`, failing the test, for anything else).
    private func paymentError(
        sending endpoint: Endpoint<JSONValue>,
        with client: APIClient,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async -> PaymentError? {
        let error = await thrown(sending: endpoint, with: client)
        XCTAssertTrue(error is PaymentError, "got \(typeName(error))", file: file, line: line)
        return error as? PaymentError
    }

    /// The type of what was thrown, never its description: a foreign error's may hold the secret.
    private func typeName(_ error: (any Error)?) -> String {
        error.map { String(describing: type(of: $0)) } ?? "nothing"
    }

    private func thrown(sending endpoint: Endpoint<JSONValue>, with client: APIClient) async -> (any Error)? {
        do {
            _ = try await client.send(endpoint)
            return nil
        } catch {
            return error
        }
    }
}

/// An error of the kind a proxy or another HTTP stack throws, quoting what it was sending.
private struct ProxyError: Error, CustomStringConvertible {
    let detail: String
    var description: String { detail }
}

/// A transport that counts its calls and throws the same error every time.
private final class ThrowingTransport: HTTPTransport, @unchecked Sendable {
    private let error: any Error
    private let lock = NSLock()
    private var count = 0

    init(_ error: any Error) {
        self.error = error
    }

    var calls: Int { lock.withLock { count } }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        lock.withLock { count += 1 }
        throw error
    }
}

/// A middleware that throws before passing the request on.
private struct ThrowingMiddleware: HTTPMiddleware {
    let error: any Error

    init(_ error: any Error) {
        self.error = error
    }

    func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        throw error
    }
}
