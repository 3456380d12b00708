import CryptoPayCore
import CryptoPayTesting
import Foundation
import UseGateway
import XCTest

final class WebhookEventTests: XCTestCase {
    private func event(_ fixture: String) throws -> UseGatewayWebhookEvent {
        try UseGatewayWebhookEvent.decode(Fixtures.data("UseGateway/\(fixture)"))
    }

    func testDocumentPaymentExampleWithoutOptionalFields() throws {
        let event = try event("webhook_payment_completed.json")

        XCTAssertEqual(event.type, .paymentCompleted)
        XCTAssertEqual(event.createdAt, epoch(1_659_300_602))
        guard case .payment(let payment) = event.data else { return XCTFail("expected a payment, got \(event.data)") }
        XCTAssertEqual(payment.id, "24934862-d980-46cb-9402-43c81b0cdba6")
        XCTAssertEqual(payment.code, "66BEOV2A")
        XCTAssertNil(payment.logoURL)
        XCTAssertNil(payment.redirectURL)
        XCTAssertNil(payment.paymentThreshold)
        XCTAssertEqual(payment.metadata, .object([:]))
        XCTAssertEqual(payment.addresses[.trx], "TN8etC84NYvKT7WZmU1TdvCsU3RUo2waaG")
        XCTAssertEqual(payment.pricing["tron"], Money(try decimal("145.622008"), .trx))
        XCTAssertEqual(event.data.status, ProviderStatus(.paid, raw: "Completed"))
    }

    func testInvoiceDepositAndWithdrawalEvents() throws {
        let invoice = try event("webhook_invoice_paid.json")
        XCTAssertEqual(invoice.type, .invoicePaid)
        XCTAssertEqual(invoice.createdAt, epoch(1_566_656_602))
        guard case .invoice(let paid) = invoice.data else { return XCTFail("expected an invoice") }
        try assertDocumentCheckout(paid, resource: "invoice")
        XCTAssertEqual(invoice.data.status?.status, .paid)

        let deposit = try event("webhook_deposit_replenished.json")
        XCTAssertEqual(deposit.type, .depositReplenished)
        guard case .deposit(let replenished) = deposit.data else { return XCTFail("expected a deposit") }
        XCTAssertEqual(replenished.userID, "UserEmail or UserID or UserPhone")
        try assertDocumentTransaction(replenished.transactions.first)
        XCTAssertEqual(deposit.data.status, ProviderStatus(.paid, raw: "Replenished"))

        let withdrawal = try event("webhook_withdrawal_request_declined.json")
        XCTAssertEqual(withdrawal.type, .withdrawalRequestDeclined)
        guard case .withdrawalRequest(let declined) = withdrawal.data else {
            return XCTFail("expected a withdrawal request")
        }
        XCTAssertEqual(declined.value, Money(10, .usdtTron))
        XCTAssertEqual(withdrawal.data.status, ProviderStatus(.failed, raw: "Declined"))
    }

    func testUnknownEventKeepsItsDataAsJSON() throws {
        let event = try event("webhook_unknown_event.json")

        XCTAssertEqual(event.type, .unknown("payment.teleported"))
        XCTAssertNil(event.type.resource)
        let expected = try Fixtures.json("UseGateway/payments_create.json")
        XCTAssertEqual(event.data, .other(expected))
        XCTAssertNil(event.data.status)
    }

    func testUndocumentedDataShapesAreKeptAsJSON() throws {
        let body =
            #"{"event": "transaction.refunded", "created_at": "2019-08-24T14:15:22Z", "data": {"txid": "ab", "amount": 0.1}}"#

        let event = try UseGatewayWebhookEvent.decode(Data(body.utf8))

        XCTAssertEqual(event.type, .transactionRefunded)
        XCTAssertEqual(event.data, .other(.object(["txid": .string("ab"), "amount": .number(try decimal("0.1"))])))
    }

    func testAllTwentyFourEventNamesRoundTrip() {
        XCTAssertEqual(UseGatewayWebhookEventType.documented.count, 24)
        XCTAssertEqual(Set(UseGatewayWebhookEventType.documented.map(\.rawValue)).count, 24)
        for type in UseGatewayWebhookEventType.documented {
            XCTAssertEqual(UseGatewayWebhookEventType(rawValue: type.rawValue), type)
            XCTAssertNotNil(type.resource)
        }
        XCTAssertEqual(UseGatewayWebhookEventType.withdrawalRequestApproved.resource, "withdrawal_request")
    }

    func testMalformedDataOfADocumentedEventIsRejected() {
        let body = #"{"event": "payment.completed", "data": {"id": "p"}}"#

        XCTAssertThrowsError(try UseGatewayWebhookEvent.decode(Data(body.utf8))) { error in
            let error = error as? PaymentError
            XCTAssertEqual(error?.kind, .webhookRejected(.malformedPayload))
            XCTAssertTrue(error?.message.contains("data.code") ?? false, error?.message ?? "")
        }
    }
}
