import CryptoPayCore
import Foundation
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
            scheme: try SvixSignatureScheme(secret: secret, now: { Date(timeIntervalSince1970: 1_700_000_000) }))
    }

    func testVerifiesThenDecodesExactly() throws {
        let event = try verifier().verify(signed(#"{"type":"payment.paid","data":{"amount":145.622008}}"#))
        XCTAssertEqual(event, Event(type: "payment.paid", data: .init(amount: Decimal(string: "145.622008")!)))
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

    func testSchemeExtensionMethod() throws {
        let scheme = try HMACHeaderSignatureScheme(headerName: "X-Webhook-Signature", secrets: ["s3cret"])
        let body = Foundation.Data(#"{"type":"invoice.paid","data":{"amount":"1"}}"#.utf8)
        let headers = try HMACHeaderSignatureScheme.sign(
            body: body, secret: "s3cret", headerName: "X-Webhook-Signature")
        let request = WebhookRequest(body: body, headers: headers)
        WebhookTestSupport.assertRejected(.malformedPayload) { _ = try scheme.verify(request, as: Event.self) }
        struct Loose: Decodable, Sendable { let type: String }
        XCTAssertEqual(try scheme.verify(request, as: Loose.self).type, "invoice.paid")
    }

    func testDictionaryHeadersConvenience() {
        let request = WebhookRequest(body: Foundation.Data(), headers: ["Svix-Id": "a"])
        XCTAssertEqual(request.headers["svix-id"], "a")
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
            try WebhookVerifier<Event>(scheme: scheme).verify(WebhookRequest(body: body, headers: headers))
        ) {
            let error = $0 as? PaymentError
            XCTAssertEqual(error?.kind, .webhookRejected(.malformedPayload))
            XCTAssertEqual(error?.provider, .usdtInvoice)
            XCTAssertEqual(error?.message, "The webhook body is authentic but is not a valid Event: id is missing")
        }
    }
}
