import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// "HTTP 500 does not show whether your operation was successful or failed": no creation is ever resent once it
/// may have left, and its failure says the outcome is unknown.
final class CreationSafetyTests: XCTestCase {
    /// Each creating operation, with the fixture of its success.
    private let creations:
        [(operation: String, fixture: String, call: @Sendable (StoreGatewayClient) async throws -> Void)] = [
            (
                "payments.create", "payments_create.json",
                {
                    _ = try await $0.payments.create(
                        StoreGatewayPaymentParameters(amount: Money(100, .usd), paymentAsset: .btc))
                }
            ),
            (
                "payments.createFiat", "payments_create.json",
                {
                    let payment = StoreGatewayPaymentParameters(amount: Money(100, .usd), paymentAsset: .btc)
                    _ = try await $0.payments.createFiat(
                        StoreGatewayFiatPaymentParameters(payment: payment, fiatProvider: .cmoonpay, fiatAsset: .eur))
                }
            ),
            (
                "withdrawals.create", "withdrawals_create.json",
                {
                    _ = try await $0.withdrawals.create(
                        StoreGatewayWithdrawalParameters(amount: Money(1, .btc), address: "bc1q"))
                }
            ),
            (
                "dedicatedAddresses.create", "dedicated_addresses_create.json",
                { _ = try await $0.dedicatedAddresses.create(StoreGatewayDedicatedAddressParameters(asset: .btc)) }
            ),
            (
                "transfers.create", "transfers_create.json",
                {
                    _ = try await $0.transfers.create(
                        StoreGatewayTransferParameters(toStoreID: "s2", amount: Money(30, .usdtEthereum)))
                }
            ),
        ]

    func testAnHTTP500IsSentOnceAndReadsOutcomeUnknown() async throws {
        for creation in creations {
            let (client, transport) = try makeClient(retries: 2)
            transport.enqueue(status: 500, json: "")
            try transport.enqueue(fixture: "StoreGateway/\(creation.fixture)")

            let error = try await paymentError { try await creation.call(client) }

            XCTAssertEqual(transport.requests.count, 1, creation.operation)
            XCTAssertEqual(transport.requests.first?.method, .post, creation.operation)
            XCTAssertEqual(error.kind, .server, creation.operation)
            XCTAssertEqual(error.httpStatus, 500, creation.operation)
            XCTAssertEqual(error.operation, creation.operation)
            XCTAssertEqual(error.outcome, .unknown, creation.operation)
            XCTAssertTrue(error.description.contains("outcome unknown") == true, creation.operation)
            XCTAssertTrue(error.description.contains("look the object up before retrying") == true)
        }
    }

    func testATimeoutOrALostConnectionAfterSendingIsNotResentEither() async throws {
        for creation in creations {
            for failure in [TransportFailure.timedOut, .connectionLost] {
                let (client, transport) = try makeClient(retries: 2)
                transport.enqueue(.failure(failure))
                try transport.enqueue(fixture: "StoreGateway/\(creation.fixture)")

                let error = try await paymentError { try await creation.call(client) }

                XCTAssertEqual(transport.requests.count, 1, "\(creation.operation) \(failure)")
                XCTAssertEqual(error.kind, .transport)
                XCTAssertEqual(error.transportFailure, failure)
                XCTAssertEqual(error.outcome, .unknown, "\(creation.operation) \(failure)")
            }
        }
    }

    func testAnUnreadableSuccessBodyIsAnUnknownOutcome() async throws {
        for creation in creations {
            let (client, transport) = try makeClient(retries: 2)
            transport.enqueue(json: "<html>OK</html>", headers: ["Content-Type": "text/html"])

            let error = try await paymentError { try await creation.call(client) }

            XCTAssertEqual(error.kind, .decoding, creation.operation)
            XCTAssertEqual(error.outcome, .unknown, creation.operation)
            XCTAssertEqual(transport.requests.count, 1)
        }
    }

    func testARequestThatNeverLeftIsRetried() async throws {
        for creation in creations {
            let (client, transport) = try makeClient(retries: 2)
            transport.enqueue(.failure(.connectionRefused))
            try transport.enqueue(fixture: "StoreGateway/\(creation.fixture)")

            try await creation.call(client)

            XCTAssertEqual(transport.requests.count, 2, creation.operation)
        }
    }

    func testAnHTTP500ToAReadIsRetried() async throws {
        let (client, transport) = try makeClient(retries: 2)
        transport.enqueue(status: 500, json: "")
        try transport.enqueue(fixture: "StoreGateway/payments_create.json")

        let payment = try await client.payments.retrieve(id: "f2a681c0-34e6-4668-8cb4-f76bac6b81c3")

        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(payment.status?.paymentStatus, .pending)
    }

    func testAnHTTP500ToAReadThatKeepsFailingIsAPlainServerError() async throws {
        let (client, transport) = try makeClient(retries: 2)
        for _ in 0..<3 { transport.enqueue(status: 500, json: "") }

        let error = try await paymentError { _ = try await client.payments.list(from: "2023-06-02", to: "2023-06-03") }

        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(error.kind, .server)
        XCTAssertEqual(error.outcome, .notApplied)
        XCTAssertFalse(error.description.contains("outcome unknown") == true)
    }

    func testAPaymentCreationWithoutAKeyPointsAtTheDaysList() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(status: 500, json: "")

        let error = try await paymentError {
            _ = try await client.payments.create(
                StoreGatewayPaymentParameters(amount: Money(1, .usd), paymentAsset: .btc))
        }

        XCTAssertTrue(error.message.contains("payments.list") == true, error.message)
    }

    func testConversionChangesNothingAndIsRetried() async throws {
        let (client, transport) = try makeClient(retries: 2)
        transport.enqueue(status: 500, json: "")
        try transport.enqueue(fixture: "StoreGateway/convert.json")

        _ = try await client.convert(Money(100, .usd), to: .btc)

        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertEqual(transport.requests.first?.request.isIdempotent, true)
    }
}
