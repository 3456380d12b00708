import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

/// Stores without a webhook secret get unsigned deliveries; they are confirmed by fetching the payment.
final class LookupWebhookTests: XCTestCase {
    private let paymentID = "48bfcfc1-5658-48f9-81ca-d56ac92afd9d"

    /// The payment inside the signed-example delivery, as `GET /payment/{id}` would return it, changed by `edit`.
    private func fetchedPayment(_ edit: (inout StoreGatewayPayment) throws -> Void = { _ in }) throws -> String {
        let delivery = try decodeFixture("webhook_payment_complete.json", as: StoreGatewayWebhookEvent.self)
        guard case .payment(var payment) = delivery.payload else { throw FixtureError(message: "not a payment") }
        try edit(&payment)
        return String(decoding: try JSONCoding.makeEncoder().encode(payment), as: UTF8.self)
    }

    private func unsigned(_ name: String) throws -> WebhookRequest {
        WebhookRequest(body: try Fixtures.data("StoreGateway/\(name)"), headers: ["Content-Type": "application/json"])
    }

    func testAnUnsignedNotificationIsConfirmedAndCarriesTheFetchedPayment() async throws {
        let (client, transport) = try makeClient()
        transport.enqueue(json: try fetchedPayment { $0.payerName = "Fetched name" })
        let webhook = StoreGatewayWebhook(confirmingWith: client)

        let verified = try await webhook.verify(try unsigned("webhook_payment_complete.json"))

        try expectStoreRequest(try transport.lastRequest(), .get, "/payment/\(paymentID)")
        XCTAssertEqual(verified.authentication, .lookup)
        XCTAssertEqual(verified.event.event, .paymentComplete)
        guard case .payment(let payment) = verified.event.payload else { return XCTFail("expected a payment") }
        XCTAssertEqual(payment.payerName, "Fetched name")
        XCTAssertEqual(payment.status, StoreGatewayStatus(rawValue: "COMPLETE", paymentStatus: .paid))
        XCTAssertEqual(verified.idempotencyKey, "payment:\(paymentID):COMPLETE:0.002137791379927765")
        XCTAssertEqual(String(describing: webhook), "StoreGatewayWebhook(lookup)")
    }

    func testANotificationTheAPIDoesNotConfirmIsRejected() async throws {
        for (field, edit) in [
            ("status", { (payment: inout StoreGatewayPayment) in payment.status = .open }),
            ("amount", { $0.amount = 40 }),
            ("ip_amount", { $0.ipAmount = 0 }),
        ] as [(String, (inout StoreGatewayPayment) -> Void)] {
            let (client, transport) = try makeClient()
            transport.enqueue(json: try fetchedPayment(edit))

            let error = try await paymentError {
                _ = try await StoreGatewayWebhook(confirmingWith: client).verify(
                    try self.unsigned("webhook_payment_complete.json"))
            }

            XCTAssertEqual(error.kind, .webhookRejected, field)
            XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: field))
        }
    }

    func testAPaymentTheAPIDoesNotKnowIsRejected() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "StoreGateway/error_422.json", status: 422)

        let error = try await paymentError {
            _ = try await StoreGatewayWebhook(confirmingWith: client).verify(
                try self.unsigned("webhook_payment_complete.json"))
        }

        XCTAssertEqual(error.webhookRejection, .lookupFailed)
        XCTAssertTrue(error.message.contains("ERR_NO_PAYMENT") == true, error.message)
    }

    func testDedicateNotificationsCannotBeConfirmedAndAreRejectedWithoutARequest() async throws {
        let (client, transport) = try makeClient()

        let error = try await paymentError {
            _ = try await StoreGatewayWebhook(confirmingWith: client).verify(
                try self.unsigned("webhook_dedicate_open.json"))
        }

        XCTAssertEqual(error.webhookRejection, .lookupFailed)
        XCTAssertTrue(transport.requests.isEmpty)
    }
}
