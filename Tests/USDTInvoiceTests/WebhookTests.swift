import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class WebhookTests: XCTestCase {
    /// The secret `webhook_payment_confirmed_headers.json` was signed with (by Python's hmac, see Fixtures/README.md).
    private let secret = "usdt_whsec_test_3b9f1c"

    private func documentDelivery() throws -> WebhookRequest {
        let headers = try JSONDecoder().decode(
            [String: String].self,
            from: fixture("webhook_payment_confirmed_headers.json")
        )
        return WebhookRequest(body: try fixture("webhook_payment_confirmed.json"), headers: headers)
    }

    private func signed(_ body: Data, secret: String? = nil, extra: [(String, String)] = []) throws -> WebhookRequest {
        let signature = try HMACHeaderSignatureScheme.sign(
            body: body,
            secret: secret ?? self.secret,
            headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName
        )
        return WebhookRequest(body: body, headers: signature.map { ($0.name, $0.value) } + extra)
    }

    private func rejection(_ request: WebhookRequest, secrets: [String]? = nil) async throws -> PaymentError {
        try await paymentError { try await USDTInvoiceWebhook(secrets: secrets ?? [self.secret]).verify(request) }
    }

    func testTheDocumentsDeliverySignedIndependentlyVerifies() async throws {
        let verified = try await USDTInvoiceWebhook(secret: secret).verify(documentDelivery())

        XCTAssertEqual(verified.authentication, .signature)
        XCTAssertEqual(verified.deliveryID, "9b2f4c1e-7a3d-4e5f-8c6b-1d2e3f4a5b6c")
        XCTAssertEqual(verified.idempotencyKey, "ORDER-12345:confirmed")
        XCTAssertNil(verified.timestamp)
        let event = verified.event
        XCTAssertEqual(event.invoiceReference, "ORDER-12345")
        XCTAssertEqual(event.status, USDTInvoiceStatus(rawValue: "confirmed", paymentStatus: .paid))
        XCTAssertEqual(event.amount, Money(try decimal("150.0000"), .usdtTron))
        XCTAssertEqual(event.txHash, "abc123...def789")
        XCTAssertEqual(event.paidAt, documentPaidAt)
        XCTAssertEqual(event.metadata?["customerId"], .string("user-001"))
    }

    func testTheSignatureIsLowercaseHexOfTheRawBody() throws {
        let headers = try JSONDecoder().decode(
            [String: String].self,
            from: fixture("webhook_payment_confirmed_headers.json")
        )
        let ours = try HMACHeaderSignatureScheme.sign(
            body: fixture("webhook_payment_confirmed.json"),
            secret: secret,
            headerName: "X-Webhook-Signature"
        )
        XCTAssertEqual(ours["X-Webhook-Signature"], headers["X-Webhook-Signature"])
        XCTAssertEqual(ours["X-Webhook-Signature"]?.count, 64)
    }

    func testWithoutAWebhookIDTheKeyComesFromTheSignedBody() async throws {
        let compact = Data(
            #"{"invoice_reference":"ORDER-9","status":"confirmed","amount_usdt_exact":"0.5000","asset_code":"USDT_BSC"}"#
                .utf8)

        let verified = try await USDTInvoiceWebhook(secret: secret).verify(signed(compact))

        XCTAssertNil(verified.deliveryID)
        XCTAssertEqual(verified.idempotencyKey, "ORDER-9:confirmed")
        XCTAssertEqual(verified.event.amount, Money(try decimal("0.5"), .usdtBSC))
        XCTAssertNil(verified.event.merchantID)
        XCTAssertNil(verified.event.paidAt)
    }

    /// The header is not signed: a captured delivery replayed with a fresh `X-Webhook-Id` must not get a fresh key.
    func testAReplayWithAFreshWebhookIDKeepsTheKeyOfTheSignedBody() async throws {
        let webhook = try USDTInvoiceWebhook(secret: secret)
        let captured = try documentDelivery()
        var replayed = captured
        replayed.headers["X-Webhook-Id"] = "0d4c3b2a-fresh-id-of-the-attacker"

        let original = try await webhook.verify(captured)
        let replay = try await webhook.verify(replayed)

        XCTAssertEqual(replay.idempotencyKey, original.idempotencyKey)
        XCTAssertEqual(replay.idempotencyKey, "ORDER-12345:confirmed")
        XCTAssertEqual(original.deliveryID, "9b2f4c1e-7a3d-4e5f-8c6b-1d2e3f4a5b6c")
        XCTAssertEqual(replay.deliveryID, "0d4c3b2a-fresh-id-of-the-attacker")
    }

    /// `JSON.stringify(req.body)` of the document's payload, signed by Python's `hmac` over
    /// `json.dumps(json.loads(body), separators=(",", ":"), ensure_ascii=False)` with the test secret: the
    /// pretty-printed body as received verifies over its compact form, and the compact bytes are what is decoded.
    func testAPrettyPrintedBodySignedOverItsCompactFormVerifies() async throws {
        let body = try fixture("webhook_payment_confirmed.json")
        let request = WebhookRequest(
            body: body,
            headers: ["X-Webhook-Signature": "c71ee12c497e490d2d4fd6e08d18829399f67a520e5ed3397bb9733a49600416"]
        )

        let verified = try await USDTInvoiceWebhook(secret: secret).verify(request)

        XCTAssertEqual(verified.idempotencyKey, "ORDER-12345:confirmed")
        XCTAssertEqual(verified.event.amount, Money(try decimal("150.0000"), .usdtTron))
        XCTAssertEqual(verified.event.metadata?["customerId"], .string("user-001"))
        XCTAssertEqual(verified.event.paidAt, documentPaidAt)
    }

    func testABodyWhoseCompactFormDiffersInsideAStringIsRejected() async throws {
        let compact = Data(#"{"invoice_reference":"ORDER 1","status":"confirmed"}"#.utf8)
        let signature = try HMACHeaderSignatureScheme.sign(
            body: compact, secret: secret, headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName)
        let spaced = Data(#"{ "invoice_reference": "ORDER  1", "status": "confirmed" }"#.utf8)
        let moved = Data(#"{"invoice_reference":" ORDER 1","status":"confirmed"}"#.utf8)

        for body in [spaced, moved] {
            let error = try await rejection(WebhookRequest(body: body, headers: signature))
            XCTAssertEqual(error.webhookRejection, .noMatchingSignature, String(decoding: body, as: UTF8.self))
        }
        let verified = try await USDTInvoiceWebhook(secret: secret).verify(
            WebhookRequest(
                body: Data("{ \"invoice_reference\" :\t\"ORDER 1\",\r\n \"status\": \"confirmed\"\n}".utf8),
                headers: signature))
        XCTAssertEqual(verified.event.invoiceReference, "ORDER 1")
    }

    func testGarbageIsRejectedWithoutCrashing() async throws {
        let bodies: [Data] = [
            Data(), Data(" ".utf8), Data("\"".utf8), Data(#"{"a":"\"#.utf8), Data([0xFF, 0xFE, 0x00, 0x22, 0x5C]),
            Data(#"{ "invoice_reference" : "unterminated }"#.utf8), Data((0...255).map { UInt8($0) }),
        ]
        let garbageSignature = try HMACHeaderSignatureScheme.sign(
            body: Data("something else".utf8), secret: secret,
            headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName)
        for body in bodies {
            let error = try await rejection(WebhookRequest(body: body, headers: garbageSignature))
            XCTAssertEqual(error.webhookRejection, .noMatchingSignature)
        }
        let signedGarbage = Data(#"{"a":"\"#.utf8)
        let error = try await rejection(try signed(signedGarbage))
        XCTAssertEqual(error.webhookRejection, .malformedPayload)
    }

    func testARetriedDeliveryKeepsItsID() async throws {
        let body = try fixture("webhook_payment_confirmed.json")
        let webhook = try USDTInvoiceWebhook(secret: secret)
        let first = try await webhook.verify(signed(body, extra: [("x-webhook-id", "log-1")]))
        let retry = try await webhook.verify(signed(body, extra: [("X-WEBHOOK-ID", "log-1")]))

        XCTAssertEqual(first.idempotencyKey, retry.idempotencyKey)
        XCTAssertEqual(first.deliveryID, "log-1")
        XCTAssertEqual(retry.deliveryID, "log-1")
        XCTAssertEqual(first.event, retry.event)
    }

    func testAReserialisedBodyIsRejectedAsTheNodeExampleWouldMisleadYouToDo() async throws {
        let delivery = try documentDelivery()
        let parsed = try JSONDecoder().decode(JSONValue.self, from: delivery.body)
        let reserialised = WebhookRequest(body: try JSONCoding.makeEncoder().encode(parsed), headers: delivery.headers)

        let error = try await rejection(reserialised)

        XCTAssertEqual(error.kind, .webhookRejected)
        XCTAssertEqual(error.webhookRejection, .noMatchingSignature)
    }

    func testTamperedBodyWrongSecretAndMissingSignatureAreRejected() async throws {
        var tampered = try documentDelivery()
        tampered.body = Data(
            String(decoding: tampered.body, as: UTF8.self).replacingOccurrences(of: "150.0000", with: "1500.0000")
                .utf8)
        let changed = try await rejection(tampered)
        XCTAssertEqual(changed.webhookRejection, .noMatchingSignature)
        XCTAssertEqual(changed.provider, .usdtInvoice)
        XCTAssertFalse(changed.description.contains(secret))

        let wrongSecret = try await rejection(try documentDelivery(), secrets: ["another_secret"])
        XCTAssertEqual(wrongSecret.webhookRejection, .noMatchingSignature)

        let unsigned = try await rejection(
            WebhookRequest(body: try fixture("webhook_payment_confirmed.json"), headers: ["X-Webhook-Id": "log-1"])
        )
        XCTAssertEqual(unsigned.webhookRejection, .missingHeader("X-Webhook-Signature"))

        let placeholder = try await rejection(
            WebhookRequest(
                body: try fixture("webhook_payment_confirmed.json"),
                headers: ["X-Webhook-Signature": "hmac_sha256_signature"]
            )
        )
        XCTAssertEqual(placeholder.webhookRejection, .malformedHeader("X-Webhook-Signature"))
    }

    func testRotatedSecretsAreBothAccepted() async throws {
        let body = try fixture("webhook_payment_confirmed.json")
        let webhook = try USDTInvoiceWebhook(secrets: ["the_new_secret", secret])

        let old = try await webhook.verify(documentDelivery())
        let new = try await webhook.verify(signed(body, secret: "the_new_secret"))

        XCTAssertEqual(old.event, new.event)
    }

    func testAnInvoiceReferenceHeaderContradictingTheBodyIsRejected() async throws {
        let body = try fixture("webhook_payment_confirmed.json")

        let matching = try await USDTInvoiceWebhook(secret: secret).verify(
            signed(body, extra: [("X-Invoice-Reference", "ORDER-12345")]))
        XCTAssertEqual(matching.event.invoiceReference, "ORDER-12345")

        let error = try await rejection(try signed(body, extra: [("X-Invoice-Reference", "ORDER-99999")]))
        XCTAssertEqual(error.webhookRejection, .malformedHeader("X-Invoice-Reference"))
    }

    func testAnAuthenticBodyThatIsNoPaymentWebhookIsMalformed() async throws {
        let error = try await rejection(try signed(Data(#"{"status": "confirmed"}"#.utf8)))

        XCTAssertEqual(error.webhookRejection, .malformedPayload)
        XCTAssertTrue(error.message.contains("invoice_reference"), error.message)
    }

    func testAnUndocumentedStatusIsKept() async throws {
        let body = Data(#"{"invoice_reference": "ORDER-7", "status": "underpaid"}"#.utf8)

        let verified = try await USDTInvoiceWebhook(secret: secret).verify(signed(body))

        XCTAssertEqual(verified.event.status.paymentStatus, .unknown("underpaid"))
    }

    func testEmptySecretsAreRefusedAndNeverShown() throws {
        XCTAssertThrowsError(try USDTInvoiceWebhook(secrets: [])) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
        XCTAssertThrowsError(try USDTInvoiceWebhook(secret: "")) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .invalidRequest)
        }
        let webhook = try USDTInvoiceWebhook(secret: secret)
        var dumped = ""
        dump(webhook, to: &dumped)
        for text in [String(describing: webhook), String(reflecting: webhook), dumped] {
            XCTAssertFalse(text.contains(secret), "the secret leaked into a description")
        }
    }
}
