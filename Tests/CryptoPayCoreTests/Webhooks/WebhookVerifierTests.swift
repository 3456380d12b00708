import CryptoPayCore
import Foundation
import TestKit
import XCTest

final class WebhookVerifierTests: XCTestCase {
    private struct Event: Decodable, Sendable, Equatable {
        struct Data: Decodable, Sendable, Equatable {
            let amount: Decimal
        }
        let type: String
        let data: Data
    }

    private let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    private func signed(_ json: String) throws -> WebhookRequest {
        let body = Foundation.Data(json.utf8)
        let headers = try SvixSignatureScheme.sign(
            body: body,
            id: "msg_1",
            timestamp: Date(timeIntervalSince1970: 1_700_000_000),
            secret: secret
        )
        return WebhookRequest(body: body, headers: headers)
    }

    private func verifier() throws -> WebhookVerifier<Event> {
        WebhookVerifier(
            scheme: try SvixSignatureScheme(
                secret: secret, clock: WaitClock(now: { Date(timeIntervalSince1970: 1_700_000_000) }, sleep: { _ in }))
        ) { event, signature, _ in "\(signature.deliveryID ?? "")/\(event.type)" }
    }

    func testVerifiesThenDecodesExactlyAndKeepsTheSignedIDAndTime() throws {
        let verified = try verifier().verify(signed(#"{"type":"payment.paid","data":{"amount":145.622008}}"#))
        XCTAssertEqual(
            verified.event,
            Event(type: "payment.paid", data: .init(amount: try XCTUnwrap(DecimalText.parse("145.622008"))))
        )
        XCTAssertEqual(verified.idempotencyKey, "msg_1/payment.paid")
        XCTAssertEqual(verified.deliveryID, "msg_1")
        XCTAssertEqual(verified.timestamp, Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertEqual(verified.authentication, .signature)
    }

    func testSignatureIsCheckedBeforeDecoding() throws {
        var request = try signed("not json")
        request.body = Foundation.Data("also not json".utf8)
        WebhookTestSupport.assertRejected(.noMatchingSignature) { _ = try self.verifier().verify(request) }
    }

    func testAuthenticButUndecodableBodyIsMalformedPayloadWithPath() throws {
        let error = WebhookTestSupport.assertRejected(.malformedPayload) {
            _ = try self.verifier().verify(self.signed(#"{"type":"payment.paid","data":{"amount":"x"}}"#))
        }
        XCTAssertTrue(error?.message.contains("data.amount") ?? false, error?.message ?? "")
        let missing = WebhookTestSupport.assertRejected(.malformedPayload) {
            _ = try self.verifier().verify(self.signed(#"{"data":{"amount":1}}"#))
        }
        XCTAssertTrue(missing?.message.contains("type is missing") ?? false, missing?.message ?? "")
        WebhookTestSupport.assertRejected(.malformedPayload) { _ = try self.verifier().verify(self.signed("")) }
    }

    func testHMACSchemeVouchesForNoIDOrTime() throws {
        let scheme = try HMACHeaderSignatureScheme(headerName: "X-Webhook-Signature", secrets: ["s3cret"])
        let body = Foundation.Data(#"{"type":"invoice.paid","data":{"amount":"1"}}"#.utf8)
        let headers = try HMACHeaderSignatureScheme.sign(
            body: body, secret: "s3cret", headerName: "X-Webhook-Signature")
        XCTAssertEqual(try scheme.verify(WebhookRequest(body: body, headers: headers)), VerifiedSignature())
    }

    func testDictionaryHeadersConvenience() {
        let request = WebhookRequest(body: Foundation.Data(), headers: ["Svix-Id": "a"])
        XCTAssertEqual(request.headers["svix-id"], "a")
    }

    /// A framework's header list, such as Vapor's `HTTPHeaders` (a sequence of `(name:, value:)`) or Hummingbird's
    /// mapped to pairs, passes straight in, order and repeats kept.
    func testAnySequenceOfHeaderPairsPassesStraightIn() {
        let labelled: [(name: String, value: String)] = [(name: "svix-id", value: "a"), (name: "X-Other", value: "1")]
        let unlabelled = [("svix-id", "a"), ("X-Other", "1"), ("X-Other", "2")]

        XCTAssertEqual(WebhookRequest(body: Foundation.Data(), headers: labelled).headers["SVIX-ID"], "a")
        XCTAssertEqual(
            WebhookRequest(body: Foundation.Data(), headers: unlabelled).headers.values(for: "x-other"), ["1", "2"])
    }
}

final class WebhookProviderTaggingTests: XCTestCase {
    func testMalformedPayloadRejectionNamesTheSchemesProvider() throws {
        let scheme = try HMACHeaderSignatureScheme(
            headerName: "X-Webhook-Signature", secrets: ["s3cret"], provider: .usdtInvoice)
        let body = Data(#"{"unexpected":true}"#.utf8)
        let headers = try HMACHeaderSignatureScheme.sign(
            body: body, secret: "s3cret", headerName: "X-Webhook-Signature")
        struct Event: Decodable, Sendable { let id: String }
        XCTAssertThrowsError(
            try WebhookVerifier<Event>(scheme: scheme) { _, _, _ in "" }.verify(
                WebhookRequest(body: body, headers: headers))
        ) {
            let error = $0 as? PaymentError
            XCTAssertEqual(error?.webhookRejection, .malformedPayload)
            XCTAssertEqual(error?.provider, .usdtInvoice)
            XCTAssertEqual(error?.message, "The webhook body is not a valid Event: id is missing")
        }
    }
}
