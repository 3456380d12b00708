import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// "Nothing happened" versus "it may have happened": the outcome rule, and idempotency per operation.
final class OutcomeTests: XCTestCase {
    private func failure(
        _ endpoint: Endpoint<JSONValue>,
        _ reply: ReplayTransport.Reply,
        retryPolicy: RetryPolicy = RetryPolicy(maxRetries: 2, random: { 0.5 }, clock: .immediate)
    ) async throws -> (PaymentError, Int) {
        let transport = ReplayTransport()
        for _ in 0..<3 { transport.enqueue(reply) }
        let client = try makeClient(transport: transport, retryPolicy: retryPolicy)
        do {
            _ = try await client.send(endpoint)
        } catch let error as PaymentError {
            return (error, transport.requests.count)
        }
        throw FixtureError(message: "\(endpoint.operation) did not fail")
    }

    private func status(_ code: Int, _ json: String = "{}") -> ReplayTransport.Reply {
        .response(TransportResponse(statusCode: code, body: Data(json.utf8)))
    }

    private let create = Endpoint<JSONValue>("items.create", .post, "/items/")
    private let list = Endpoint<JSONValue>("items.list", .get, "/items/")
    /// A state-changing GET, as the POS API's refunds are.
    private let refund = Endpoint<JSONValue>("refundPayment", .get, "/RefundPayment/", isIdempotent: false)

    func testServerErrorOnAStateChangeIsSentOnceWithOutcomeUnknown() async throws {
        for endpoint in [create, refund] {
            let (error, sent) = try await failure(endpoint, status(500))
            XCTAssertEqual(sent, 1, endpoint.operation)
            XCTAssertEqual(error.kind, .server)
            XCTAssertEqual(error.outcome, .unknown)
            XCTAssertTrue(error.description.hasSuffix("look the object up before retrying"), error.description)
        }
    }

    func testTimeoutOrLostConnectionOnAStateChangeIsSentOnceWithOutcomeUnknown() async throws {
        for failure in [TransportFailure.timedOut, .connectionLost, .other(code: -1)] {
            for endpoint in [create, refund] {
                let (error, sent) = try await self.failure(endpoint, .failure(failure))
                XCTAssertEqual(sent, 1, "\(endpoint.operation) \(failure)")
                XCTAssertEqual(error.transportFailure, failure)
                XCTAssertEqual(error.outcome, .unknown, "\(endpoint.operation) \(failure)")
            }
        }
    }

    func testAStateChangeThatNeverLeftIsResentAndIsNotApplied() async throws {
        let (error, sent) = try await failure(refund, .failure(.connectionRefused))
        XCTAssertEqual(sent, 3, "resent while it provably never reached the server")
        XCTAssertEqual(error.outcome, .notApplied)
    }

    func testClientErrorsAndReadsAreNotApplied() async throws {
        let (rejected, _) = try await failure(create, status(400))
        XCTAssertEqual(rejected.outcome, .notApplied)
        XCTAssertFalse(rejected.description.contains("outcome unknown"))
        let (read, sent) = try await failure(list, status(503))
        XCTAssertEqual(sent, 3, "a read is retried")
        XCTAssertEqual(read.outcome, .notApplied)
        let (limited, _) = try await failure(create, status(429))
        XCTAssertEqual(limited.outcome, .notApplied)
    }

    func testUnreadableSuccessOfAStateChangeIsOutcomeUnknown() async throws {
        let (created, _) = try await failure(create, status(201, "<html>"))
        XCTAssertEqual(created.kind, .decoding)
        XCTAssertEqual(created.outcome, .unknown)
        let (read, _) = try await failure(list, status(200, "<html>"))
        XCTAssertEqual(read.outcome, .notApplied)
    }

    func testClientSideRefusalIsNotApplied() async throws {
        let transport = ReplayTransport()
        let client = try makeClient(transport: transport)
        let endpoint = Endpoint<JSONValue>("items.retrieve", .get, "/items/{id}", pathParameters: ["id": ""])
        await assertThrows(try await client.send(endpoint)) { error in
            XCTAssertEqual(error.kind, .invalidRequest)
            XCTAssertEqual(error.outcome, .notApplied)
        }
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testIdempotencyReachesTheTransportAndDefaultsFromTheMethod() async throws {
        let transport = ReplayTransport()
        for _ in 0..<3 { transport.enqueue(json: "{}") }
        let client = try makeClient(transport: transport)
        _ = try await client.send(list)
        _ = try await client.send(create)
        _ = try await client.send(refund)
        XCTAssertEqual(transport.requests.map(\.request.isIdempotent), [true, false, false])
        XCTAssertEqual(transport.requests.map(\.request.operation), ["items.list", "items.create", "refundPayment"])
    }
}
