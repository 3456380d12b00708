import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

final class WebhookTests: XCTestCase {
    /// The example secret of the document's "Verifying Webhook with the Svix Libraries" section.
    private let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    private let signedAt = epoch(1_700_000_000)

    private func webhook(secrets: [String]? = nil, now: Date? = nil) throws -> UseGatewayWebhook {
        let now = now ?? signedAt
        return try UseGatewayWebhook(secrets: secrets ?? [secret], clock: WaitClock(now: { now }, sleep: { _ in }))
    }

    private func delivery(_ body: Data, secret: String? = nil) throws -> WebhookRequest {
        let headers = try SvixSignatureScheme.sign(
            body: body,
            id: "msg_2bL8uZ1kQw",
            timestamp: signedAt,
            secret: secret ?? self.secret
        )
        return WebhookRequest(body: body, headers: headers)
    }

    private func event(_ fixture: String) async throws -> UseGatewayWebhookEvent {
        try await webhook().verify(delivery(Fixtures.data("UseGateway/\(fixture)"))).event
    }

    private func rejection(_ request: WebhookRequest, by webhook: UseGatewayWebhook? = nil) async -> PaymentError? {
        do {
            _ = try await (webhook ?? self.webhook()).verify(request)
            XCTFail("expected a rejection")
        } catch {
            XCTAssertEqual((error as? PaymentError)?.kind, .webhookRejected)
            return error as? PaymentError
        }
        return nil
    }

    func testDocumentPaymentExampleWithoutOptionalFields() async throws {
        let event = try await event("webhook_payment_completed.json")

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
        XCTAssertEqual(event.data.status?.rawValue, "Completed")
        XCTAssertEqual(event.data.status?.paymentStatus, .paid)
    }

    func testInvoiceDepositAndWithdrawalEvents() async throws {
        let invoice = try await event("webhook_invoice_paid.json")
        XCTAssertEqual(invoice.type, .invoicePaid)
        XCTAssertEqual(invoice.createdAt, epoch(1_566_656_602))
        guard case .invoice(let paid) = invoice.data else { return XCTFail("expected an invoice") }
        try assertDocumentCheckout(paid, resource: "invoice")
        XCTAssertEqual(invoice.data.status?.paymentStatus, .paid)

        let deposit = try await event("webhook_deposit_replenished.json")
        XCTAssertEqual(deposit.type, .depositReplenished)
        guard case .deposit(let replenished) = deposit.data else { return XCTFail("expected a deposit") }
        XCTAssertEqual(replenished.userID, "UserEmail or UserID or UserPhone")
        try assertDocumentTransaction(replenished.transactions.first)
        XCTAssertEqual(deposit.data.status?.rawValue, "Replenished")
        XCTAssertEqual(deposit.data.status?.paymentStatus, .paid)

        let withdrawal = try await event("webhook_withdrawal_request_declined.json")
        XCTAssertEqual(withdrawal.type, .withdrawalRequestDeclined)
        guard case .withdrawalRequest(let declined) = withdrawal.data else {
            return XCTFail("expected a withdrawal request")
        }
        XCTAssertEqual(declined.value, Money(10, .usdtTron))
        XCTAssertEqual(withdrawal.data.status?.rawValue, "Declined")
        XCTAssertEqual(withdrawal.data.status?.paymentStatus, .failed)
    }

    func testUnknownEventKeepsItsDataAsJSON() async throws {
        let event = try await event("webhook_unknown_event.json")

        XCTAssertEqual(event.type, .unknown("payment.teleported"))
        XCTAssertNil(event.type.resource)
        XCTAssertEqual(event.data, .other(try Fixtures.json("UseGateway/payments_create.json")))
        XCTAssertNil(event.data.status)
    }

    func testCreatedAtIsAcceptedAsEpochSecondsToo() async throws {
        for createdAt in ["1659300602", #""1659300602""#, #""2022-07-31T20:50:02Z""#] {
            let body = #"{"event": "transaction.refunded", "created_at": \#(createdAt), "data": {}}"#

            let event = try await webhook().verify(delivery(Data(body.utf8))).event

            XCTAssertEqual(event.createdAt, epoch(1_659_300_602), createdAt)
        }
        let error = await rejection(try delivery(Data(#"{"event": "x", "created_at": "yesterday"}"#.utf8)))
        XCTAssertEqual(error?.webhookRejection, .malformedPayload)
    }

    func testUndocumentedDataShapesAreKeptAsJSON() async throws {
        let body = #"{"event": "transaction.refunded", "data": {"txid": "ab", "amount": 0.1}}"#

        let event = try await webhook().verify(delivery(Data(body.utf8))).event

        XCTAssertEqual(event.type, .transactionRefunded)
        XCTAssertNil(event.createdAt)
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

    func testTamperedBodyIsRejected() async throws {
        let original = try Fixtures.data("UseGateway/webhook_payment_completed.json")
        var request = try delivery(original)
        request.body = Data(
            String(decoding: original, as: UTF8.self).replacingOccurrences(of: "145.622008", with: "1.0").utf8)

        let error = await rejection(request)

        XCTAssertEqual(error?.webhookRejection, .noMatchingSignature)
        XCTAssertEqual(error?.provider, .useGateway)
        XCTAssertFalse(error?.description.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") ?? true)
    }

    func testWrongSecretOldTimestampAndMissingHeaderAreRejected() async throws {
        let body = try Fixtures.data("UseGateway/webhook_invoice_paid.json")
        let otherSecret = "whsec_" + Data("another endpoint key".utf8).base64EncodedString()

        let wrongSecret = await rejection(try delivery(body, secret: otherSecret))
        XCTAssertEqual(wrongSecret?.webhookRejection, .noMatchingSignature)

        let late = await rejection(try delivery(body), by: try webhook(now: signedAt + 301))
        XCTAssertEqual(late?.webhookRejection, .timestampTooOld)

        let unsigned = await rejection(WebhookRequest(body: body, headers: HeaderFields()))
        XCTAssertEqual(unsigned?.webhookRejection, .missingHeader("svix-id"))
    }

    func testRotatedSecretsAreBothAccepted() async throws {
        let newSecret = "whsec_" + Data("the rotated endpoint key".utf8).base64EncodedString()
        let body = try Fixtures.data("UseGateway/webhook_deposit_replenished.json")

        let verified = try await webhook(secrets: [secret, newSecret]).verify(delivery(body, secret: newSecret))

        XCTAssertEqual(verified.event.type, .depositReplenished)
    }

    func testDocumentSignatureVerifiesButItsBodyIsNoEvent() async throws {
        // The document's Svix example: the signature is genuine, so the only complaint left is the payload.
        let request = WebhookRequest(
            body: Data(#"{"test": 2432232314}"#.utf8),
            headers: [
                "svix-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "svix-timestamp": "1614265330",
                "svix-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ]
        )
        let webhook = try webhook(now: epoch(1_614_265_330))

        let error = await rejection(request, by: webhook)

        XCTAssertEqual(error?.webhookRejection, .malformedPayload)
        XCTAssertEqual(error?.provider, .useGateway)
    }

    func testMalformedDataOfADocumentedEventIsRejected() async throws {
        let body = Data(#"{"event": "payment.completed", "data": {"id": "p"}}"#.utf8)

        let error = await rejection(try delivery(body))

        XCTAssertEqual(error?.webhookRejection, .malformedPayload)
        XCTAssertTrue(error?.message.contains("code") ?? false, error?.message ?? "")
    }

    func testVerifiedDeliveryCarriesTheSvixIDAndTimestampForDeduplication() async throws {
        let body = try Fixtures.data("UseGateway/webhook_payment_completed.json")

        let verified = try await webhook().verify(delivery(body))

        XCTAssertEqual(verified.deliveryID, "msg_2bL8uZ1kQw")
        XCTAssertEqual(verified.idempotencyKey, "msg_2bL8uZ1kQw")
        XCTAssertEqual(verified.timestamp, signedAt)
        XCTAssertEqual(verified.authentication, .signature)
    }
}
