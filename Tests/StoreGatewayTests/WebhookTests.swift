import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import StoreGateway

final class WebhookTests: XCTestCase {
    private let secret = "whsec-store-7d41"

    /// A delivery of a fixture, signed with the core signer as the service would sign it.
    private func signedDelivery(
        _ name: String,
        secret: String? = nil,
        encoding: HMACHeaderSignatureScheme.Encoding = .lowercaseHex
    ) throws -> WebhookRequest {
        let body = try Fixtures.data("StoreGateway/\(name)")
        let headers = try HMACHeaderSignatureScheme.sign(
            body: body,
            secret: secret ?? self.secret,
            headerName: HMACHeaderSignatureScheme.storeGatewayHeaderName,
            encoding: encoding
        )
        var allHeaders = headers
        allHeaders["Content-Type"] = "application/json"
        return WebhookRequest(body: body, headers: allHeaders)
    }

    private func rejection(_ request: WebhookRequest) async throws -> PaymentError? {
        let webhook = try StoreGatewayWebhook(secret: secret)
        return try await paymentError { _ = try await webhook.verify(request) }
    }

    func testAPaymentCompleteNotification() async throws {
        let webhook = try StoreGatewayWebhook(secret: secret)

        let verified = try await webhook.verify(try signedDelivery("webhook_payment_complete.json"))

        XCTAssertEqual(verified.authentication, .signature)
        XCTAssertNil(verified.deliveryID)
        XCTAssertNil(verified.timestamp)
        XCTAssertEqual(verified.event.type, "notification")
        XCTAssertEqual(verified.event.event, .paymentComplete)
        guard case .payment(let payment) = verified.event.payload else { return XCTFail("expected a payment") }
        XCTAssertEqual(payment.paymentID, "48bfcfc1-5658-48f9-81ca-d56ac92afd9d")
        XCTAssertEqual(payment.status, StoreGatewayStatus(rawValue: "COMPLETE", paymentStatus: .paid))
        XCTAssertEqual(payment.requested, Money(4, .usd))
        XCTAssertEqual(payment.received, Money(try decimal("0.002137791379927765"), .eth))
        XCTAssertEqual(payment.rate, try decimal("0.0005344478449819411"))
        XCTAssertEqual(payment.description, "Платеж за сервис консультанта")
        XCTAssertEqual(
            payment.customFields.custom?.jsonObject?["client_id"], .string("f54e57ab-b43c-480e-8d9d-cbd75764255c"))
        XCTAssertEqual(
            verified.idempotencyKey,
            "payment:48bfcfc1-5658-48f9-81ca-d56ac92afd9d:payment.complete:COMPLETE:0.002137791379927765")
    }

    func testOpenAndCancelNotifications() async throws {
        let webhook = try StoreGatewayWebhook(secret: secret)

        let open = try await webhook.verify(try signedDelivery("webhook_payment_open.json"))
        let cancel = try await webhook.verify(try signedDelivery("webhook_payment_cancel.json"))

        XCTAssertEqual(open.event.event, .paymentOpen)
        guard case .payment(let opened) = open.event.payload, case .payment(let cancelled) = cancel.event.payload else {
            return XCTFail("expected payments")
        }
        XCTAssertEqual(opened.status, StoreGatewayStatus(rawValue: "OPEN", paymentStatus: .partiallyPaid))
        XCTAssertEqual(opened.remaining, Money(try decimal("0.001137791379927765"), .eth))
        XCTAssertEqual(cancel.event.event, .paymentCancel)
        XCTAssertEqual(cancelled.status, StoreGatewayStatus(rawValue: "CANCEL", paymentStatus: .expired))
        XCTAssertEqual(open.idempotencyKey, "payment:48bfcfc1-5658-48f9-81ca-d56ac92afd9d:payment.open:OPEN:0.001")
        XCTAssertNotEqual(open.idempotencyKey, cancel.idempotencyKey)
    }

    func testEachIncomingTransactionHasItsOwnKeyAndARetryTheSame() async throws {
        let webhook = try StoreGatewayWebhook(secret: secret)
        let first = try await webhook.verify(try signedDelivery("webhook_payment_open.json"))
        let retry = try await webhook.verify(try signedDelivery("webhook_payment_open.json", encoding: .uppercaseHex))
        var later = first.event
        guard case .payment(var payment) = later.payload else { return XCTFail("expected a payment") }
        payment.ipAmount = try decimal("0.0015")
        later.payload = .payment(payment)

        XCTAssertEqual(first.idempotencyKey, retry.idempotencyKey)
        XCTAssertNotEqual(later.idempotencyKey, first.idempotencyKey)
    }

    func testDedicateNotifications() async throws {
        let webhook = try StoreGatewayWebhook(secret: secret)

        let opened = try await webhook.verify(try signedDelivery("webhook_dedicate_open.json"))
        let completed = try await webhook.verify(try signedDelivery("webhook_dedicate_complete.json"))

        XCTAssertNil(opened.event.event)
        XCTAssertNil(opened.event.type)
        guard case .dedicatedAddress(let dedication) = opened.event.payload,
            case .dedicatedAddress(let released) = completed.event.payload
        else { return XCTFail("expected dedicated addresses") }
        try assertDocumentDedication(dedication, status: .open, name: "Open")
        try assertDocumentDedication(released, status: .complete, name: "Complete")
        XCTAssertEqual(released.customFields[.custom1], " some value 1 ")
        XCTAssertEqual(opened.idempotencyKey, "dedicate:f2a681c0-34e6-4668-8cb4-f76bac6b81c3:OPEN")
        XCTAssertEqual(completed.idempotencyKey, "dedicate:f2a681c0-34e6-4668-8cb4-f76bac6b81c3:COMPLETE")
    }

    func testAnUnknownEventKeepsItsJSONAndIsKeyedByTheBodysHash() async throws {
        let webhook = try StoreGatewayWebhook(secret: secret)
        let request = try signedDelivery("webhook_unknown_event.json")

        let verified = try await webhook.verify(request)

        XCTAssertEqual(verified.event.event, .unknown("payment.refund"))
        XCTAssertEqual(verified.event.payload, .other(try Fixtures.json("StoreGateway/webhook_unknown_event.json")))
        let digest = SHA256.hash(request.body).map { String(format: "%02x", $0) }.joined()
        XCTAssertEqual(verified.idempotencyKey, "sha256:" + digest)
        XCTAssertEqual(verified.idempotencyKey.count, "sha256:".count + 64)
    }

    func testBase64AndPrefixedSignaturesAreAccepted() async throws {
        let webhook = try StoreGatewayWebhook(secret: secret)

        for encoding in [HMACHeaderSignatureScheme.Encoding.base64, .prefixedLowercaseHex] {
            let verified = try await webhook.verify(
                try signedDelivery("webhook_payment_complete.json", encoding: encoding))
            XCTAssertEqual(verified.event.event, .paymentComplete)
        }
    }

    func testATamperedBodyIsRejected() async throws {
        let signed = try signedDelivery("webhook_payment_complete.json")
        let tampered = String(decoding: signed.body, as: UTF8.self).replacingOccurrences(of: "\"4\"", with: "\"400\"")

        let error = try await rejection(WebhookRequest(body: Data(tampered.utf8), headers: signed.headers))

        XCTAssertEqual(error?.kind, .webhookRejected)
        XCTAssertEqual(error?.webhookRejection, .noMatchingSignature)
        XCTAssertEqual(error?.provider, .storeGateway)
    }

    func testAMissingHeaderIsRejected() async throws {
        let body = try Fixtures.data("StoreGateway/webhook_payment_complete.json")

        let error = try await rejection(WebhookRequest(body: body, headers: ["Content-Type": "application/json"]))

        XCTAssertEqual(error?.webhookRejection, .missingHeader("X-Webhook-HMAC-SHA256"))
    }

    func testAnotherSecretIsRejectedAndRotationAcceptsBoth() async throws {
        let other = try signedDelivery("webhook_payment_complete.json", secret: "another-secret")

        let error = try await rejection(other)
        let rotating = try StoreGatewayWebhook(secrets: [secret, "another-secret"])

        XCTAssertEqual(error?.webhookRejection, .noMatchingSignature)
        XCTAssertFalse(error?.description.contains(secret) == true)
        let verified = try await rotating.verify(other)
        XCTAssertEqual(verified.event.event, .paymentComplete)
    }

    func testAnAuthenticBodyThatIsNotAnEventIsMalformed() async throws {
        let body = Data(#"{"type": "notification", "event": "payment.complete", "payment": {"amount": "4"}}"#.utf8)
        let headers = try HMACHeaderSignatureScheme.sign(
            body: body, secret: secret, headerName: HMACHeaderSignatureScheme.storeGatewayHeaderName)

        let error = try await rejection(WebhookRequest(body: body, headers: headers))

        XCTAssertEqual(error?.webhookRejection, .malformedPayload)
        XCTAssertTrue(error?.message.contains("payment_id") == true, error?.message ?? "")
    }

    func testSecretsAreRequiredAndNeverShown() throws {
        XCTAssertThrowsError(try StoreGatewayWebhook(secret: "")) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
        XCTAssertThrowsError(try StoreGatewayWebhook(secrets: [])) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
        let webhook = try StoreGatewayWebhook(secret: secret)
        var dumped = ""
        dump(webhook, to: &dumped)
        for text in [String(describing: webhook), String(reflecting: webhook), dumped] {
            XCTAssertFalse(text.contains(secret))
        }
    }
}
