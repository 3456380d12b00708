import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

/// The document's heading says `POST /v1/integrations/payments`, its curl example posts to
/// `/v1/integrations/payments/external` (1xGate file, lines 20–70). A client that is not pinned to one tries the
/// example's path, falls back to the other once on a 404 (which created nothing), and remembers the one that worked.
final class CreationPathTests: XCTestCase {
    private let heading = "/v1/integrations/payments"
    private let example = "/v1/integrations/payments/external"

    private func client(
        _ service: OnePathService,
        pinned: OneXGatePaymentCreationPath? = nil
    ) throws -> OneXGateClient {
        try OneXGateClient(
            apiKey: testAPIKey,
            configuration: ClientConfiguration(transport: service, retryPolicy: instantRetries),
            paymentCreationPath: pinned
        )
    }

    func testTheExamplesPathIsTriedFirstAndKept() async throws {
        let service = try OnePathService(knows: example)
        let client = try client(service)
        XCTAssertNil(client.pinnedPaymentCreationPath)
        XCTAssertEqual(client.paymentCreationPath, .external)

        let payment = try await client.payments.create(documentPaymentParameters())
        _ = try await client.payments.create(documentPaymentParameters())

        XCTAssertEqual(payment.id, "66ad24125dececa8b9a16bf3")
        XCTAssertEqual(service.paths, [example, example])
    }

    func testAServiceThatServesOnlyTheHeadingsPathIsFoundOnceAndRemembered() async throws {
        let service = try OnePathService(knows: heading)
        let client = try client(service)

        let payment = try await client.payments.create(documentPaymentParameters())
        XCTAssertEqual(service.paths, [example, heading])
        XCTAssertEqual(payment.id, "66ad24125dececa8b9a16bf3")
        XCTAssertEqual(client.paymentCreationPath, .documented)
        let copy = client
        _ = try await copy.payments.create(documentPaymentParameters())

        XCTAssertEqual(service.paths, [example, heading, heading])
        let bodies = try service.requests.map { try XCTUnwrap($0.body) }
        XCTAssertEqual(Set(bodies).count, 1)
        for request in service.requests {
            XCTAssertEqual(request.method, .post)
            XCTAssertEqual(request.headers["x-integration-key"], testAPIKey)
            XCTAssertEqual(request.operation, "payments.create")
            XCTAssertEqual(
                try JSONDecoder().decode(JSONValue.self, from: try XCTUnwrap(request.body)),
                try Fixtures.json("OneXGate/payments_create_request_curl.json"))
        }
    }

    func testTheOtherOrderWhenTheServiceMovesToTheExamplesPath() async throws {
        let service = try OnePathService(knows: heading)
        let client = try client(service)
        _ = try await client.payments.create(documentPaymentParameters())
        service.move(to: example)

        _ = try await client.payments.create(documentPaymentParameters())
        _ = try await client.payments.create(documentPaymentParameters())

        XCTAssertEqual(service.paths, [example, heading, heading, example, example])
        XCTAssertEqual(client.paymentCreationPath, .external)
    }

    func testAServerErrorNeverLeadsToTheOtherPath() async throws {
        for known in [example, heading] {
            let service = try OnePathService(knows: known, failing: 500)
            let client = try client(service)

            let error = try await createError(client)

            XCTAssertEqual(error.kind, .server, known)
            XCTAssertEqual(error.httpStatus, 500, known)
            XCTAssertEqual(error.outcome, .unknown, known)
            let tried = known == example ? [example] : [example, heading]
            XCTAssertEqual(service.paths, tried, known)
            XCTAssertEqual(client.paymentCreationPath, .external, "a failed create teaches nothing")
        }
    }

    func testATimeoutNeverLeadsToTheOtherPath() async throws {
        let service = try OnePathService(knows: example, failure: .timedOut)
        let client = try client(service)

        let error = try await createError(client)

        XCTAssertEqual(error.kind, .transport)
        XCTAssertEqual(error.outcome, .unknown)
        XCTAssertEqual(service.paths, [example])
    }

    func testWhenNeitherPathIsServedBothAreTriedOnceAndNothingIsRemembered() async throws {
        let service = try OnePathService(knows: "/v2/payments")
        let client = try client(service)

        let error = try await createError(client)
        _ = try await createError(client)

        XCTAssertEqual(error.kind, .notFound)
        XCTAssertEqual(error.httpStatus, 404)
        XCTAssertTrue(error.message.hasSuffix("(\(example) answered 404 too)"), error.message)
        XCTAssertEqual(service.paths, [example, heading, example, heading])
    }

    func testAPinnedPathIsTheOnlyOneEverTried() async throws {
        let service = try OnePathService(knows: example)
        let pinned = try client(service, pinned: .documented)
        XCTAssertEqual(pinned.pinnedPaymentCreationPath, .documented)
        XCTAssertEqual(pinned.paymentCreationPath, .documented)

        let error = try await createError(pinned)
        _ = try await client(service, pinned: .external).payments.create(documentPaymentParameters())

        XCTAssertEqual(error.kind, .notFound)
        XCTAssertEqual(error.outcome, .notApplied)
        XCTAssertEqual(service.paths, [heading, example])
    }

    func testConcurrentCreatesOnCopiesAgreeOnThePath() async throws {
        let service = try OnePathService(knows: heading)
        let client = try client(service)
        _ = try await client.payments.create(documentPaymentParameters())
        let parameters = try documentPaymentParameters()

        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                let copy = client
                group.addTask { _ = try await copy.payments.create(parameters) }
            }
            try await group.waitForAll()
        }

        XCTAssertEqual(service.paths, [example] + Array(repeating: heading, count: 9))
    }

    private func createError(_ client: OneXGateClient) async throws -> PaymentError {
        do {
            _ = try await client.payments.create(documentPaymentParameters())
        } catch let error as PaymentError {
            return error
        }
        throw FixtureError(message: "expected a PaymentError")
    }
}

/// A 1xGate that creates payments on one path only and answers every other `POST` 404, as a Node.js framework
/// answers a route it does not have; it can be moved to another path, or answer its own path with a failure.
private final class OnePathService: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var known: String
    private let failing: Int?
    private let failure: TransportFailure?
    private var received: [TransportRequest] = []
    private let created: Data

    init(knows path: String, failing status: Int? = nil, failure: TransportFailure? = nil) throws {
        known = path
        failing = status
        self.failure = failure
        created = try Fixtures.data("OneXGate/payments_create.json")
    }

    /// Every request received, in order.
    var requests: [TransportRequest] { lock.withLock { received } }
    /// The path of every request received, in order.
    var paths: [String] { requests.map(\.url.path) }

    /// Serves `path` from now on, and no longer the old one.
    func move(to path: String) {
        lock.withLock { known = path }
    }

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let known = lock.withLock {
            received.append(request)
            return self.known
        }
        guard request.url.path == known else {
            let body = #"{"statusCode": 404, "message": "Cannot POST \#(request.url.path)", "error": "Not Found"}"#
            return TransportResponse(
                statusCode: 404, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
        if let failure { throw PaymentError.transport(failure, message: "scripted \(failure)") }
        if let failing {
            let body = #"{"statusCode": \#(failing), "message": "Internal server error"}"#
            return TransportResponse(
                statusCode: failing, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        }
        return TransportResponse(statusCode: 201, headers: ["Content-Type": "application/json"], body: created)
    }
}
