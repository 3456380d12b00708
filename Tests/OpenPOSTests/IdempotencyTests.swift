import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

/// StartPayment, CancelPayment, AcceptPayment and RefundPayment change state although they are GETs: after a 500 or
/// a timeout they must be sent exactly once, with the outcome reported as unknown.
final class IdempotencyTests: XCTestCase {
    private typealias Call = @Sendable (OpenPOSClient) async throws -> Void

    private let stateChanges: [(String, Call)] = [
        (
            "startPayment",
            { client in
                _ = try await client.startPayment(
                    OpenPOSStartPaymentRequest(
                        paymentID: documentPaymentID, invoice: try Money("48.25", .eur), currency: .btc))
            }
        ),
        ("cancelPayment", { client in _ = try await client.cancelPayment(documentReference, reason: "other") }),
        (
            "acceptPayment",
            { client in
                _ = try await client.acceptPayment(documentReference, amount: try XCTUnwrap(OpenPOSWireAmount("0.005")))
            }
        ),
        (
            "refundPayment",
            { client in
                _ = try await client.refundPayment(
                    OpenPOSRefundRequest(
                        paymentID: documentPaymentID, to: "bc1q", amount: try XCTUnwrap(OpenPOSWireAmount("0.005")),
                        currency: .btc))
            }
        ),
    ]

    func testAStateChangeIsSentOnceAfterAServerError() async throws {
        for (operation, call) in stateChanges {
            let (client, transport) = try makeClient(retryPolicy: instantRetries)
            try transport.enqueue(fixture: "OpenPOS/error_500.json", status: 500)
            try transport.enqueue(fixture: "OpenPOS/cancelPayment.json")

            let error = try await paymentError { try await call(client) }

            XCTAssertEqual(transport.requests.count, 1, operation)
            XCTAssertEqual(error.kind, .server, operation)
            XCTAssertEqual(error.outcome, .unknown, operation)
            XCTAssertEqual(error.operation, operation)
            XCTAssertEqual(error.message, "Internal Server Error", operation)
            XCTAssertTrue(error.description.contains("outcome unknown"), error.description)
        }
    }

    func testAStateChangeIsSentOnceAfterATimeout() async throws {
        for (operation, call) in stateChanges {
            let (client, transport) = try makeClient(retryPolicy: instantRetries)
            transport.enqueue(.failure(.timedOut))
            try transport.enqueue(fixture: "OpenPOS/cancelPayment.json")

            let error = try await paymentError { try await call(client) }

            XCTAssertEqual(transport.requests.count, 1, operation)
            XCTAssertEqual(error.kind, .transport, operation)
            XCTAssertEqual(error.transportFailure, .timedOut, operation)
            XCTAssertEqual(error.outcome, .unknown, operation)
        }
    }

    func testAStateChangeIsResentWhenItProvablyNeverLeft() async throws {
        let (client, transport) = try makeClient(retryPolicy: instantRetries)
        transport.enqueue(.failure(.connectionRefused))
        try transport.enqueue(fixture: "OpenPOS/cancelPayment.json")

        let answer = try await client.cancelPayment(documentReference)

        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertTrue(answer.cancelled)
    }

    func testReadsAreRetriedAfterAServerErrorAndATimeout() async throws {
        let (client, transport) = try makeClient(retryPolicy: instantRetries)
        try transport.enqueue(fixture: "OpenPOS/error_500.json", status: 500)
        transport.enqueue(.failure(.timedOut))
        try transport.enqueue(fixture: "OpenPOS/checkPayment.json")

        let check = try await client.checkPayment(documentReference)

        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(check.state, .waiting)
    }
}
