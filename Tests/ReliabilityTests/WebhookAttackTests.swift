import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Item 5: attacks on every provider's webhook endpoint, each rejected with the reason a handler should log.
///
/// Signed providers (UseGateway's Svix, Store Gateway's and the USDT invoice API's HMAC) refuse anything the secret
/// did not sign. Lookup providers (1xGate, the POS API, Store Gateway without a secret) sign nothing, so headers
/// mean nothing to them: every header attack is made with a forged notice, which the provider's API contradicts,
/// and a genuine notice is only ever returned as the state the API reports. Replays: Svix signs a timestamp, so an
/// old delivery is refused outright; the HMAC schemes sign none, so a replay verifies and the documented defence,
/// a ``SeenEventStore`` keyed by the idempotency key, refuses it as a duplicate; for lookup providers an old notice
/// is contradicted by the current state, and a repeat of the current one is a duplicate.
final class WebhookAttackTests: XCTestCase {
    private var rejected = 0

    override func tearDown() {
        if rejected > 0 { print("webhook attacks: \(name) rejected \(rejected)") }
        super.tearDown()
    }

    private func expectRejected(
        _ harness: WebhookHarness,
        _ request: WebhookRequest,
        _ reason: WebhookRejectionReason,
        _ attack: String,
        file: StaticString = #filePath,
        line: UInt = #line
    ) async {
        do {
            let key = try await harness.verify(request)
            XCTFail("\(harness.name): \(attack) was accepted (\(key))", file: file, line: line)
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .webhookRejected, "\(harness.name): \(attack)", file: file, line: line)
            XCTAssertEqual(
                error.webhookRejection, reason, "\(harness.name): \(attack): \(error)", file: file, line: line)
            XCTAssertEqual(error.provider, harness.provider, "\(harness.name): \(attack)", file: file, line: line)
            XCTAssertEqual(
                FakeSecrets.leaks(in: error.description + error.debugDescription), [], file: file, line: line)
            rejected += 1
        } catch {
            XCTFail("\(harness.name): \(attack) threw \(error)", file: file, line: line)
        }
    }

    private func signatureHeader(_ harness: WebhookHarness) -> String {
        switch harness.mode {
        case .svix: "svix-signature"
        case .hmac(let header): header
        case .lookup: "X-Webhook-Signature"
        }
    }

    /// The notice with a status the provider's API does not report.
    private func forgedStatus(_ harness: WebhookHarness) -> Data {
        switch harness.provider {
        case .oneXGate: replacing(#""status": "success""#, with: #""status": "failed""#, in: harness.body)
        case .openPOS: replacing(#""status": "confirmed""#, with: #""status": "cancelled""#, in: harness.body)
        case .useGateway: replacing(#""status": "Completed""#, with: #""status": "Opened""#, in: harness.body)
        case .usdtInvoice: replacing(#""status": "confirmed""#, with: #""status": "pending""#, in: harness.body)
        default: replacing(#""status": "COMPLETE""#, with: #""status": "OPEN""#, in: harness.body)
        }
    }

    /// The notice with an amount the provider's API does not report.
    private func forgedAmount(_ harness: WebhookHarness) -> Data {
        switch harness.provider {
        case .oneXGate: replacing(#""amount": 2.3"#, with: #""amount": 23"#, in: harness.body)
        case .openPOS: replacing(#""amount": "0.00701648""#, with: #""amount": "7.01648""#, in: harness.body)
        case .useGateway: replacing(#""amount": 145.622008"#, with: #""amount": 1456.22008"#, in: harness.body)
        case .usdtInvoice:
            replacing(#""amount_usdt_exact": "150.0000""#, with: #""amount_usdt_exact": "1500.0000""#, in: harness.body)
        default: replacing(#""amount": "4""#, with: #""amount": "4000""#, in: harness.body)
        }
    }

    /// A signed provider's genuine delivery with one header replaced, or a lookup provider's forged notice with it.
    private func attacked(_ harness: WebhookHarness, header value: (String) -> String) throws -> WebhookRequest {
        var request =
            harness.mode == .lookup
            ? WebhookRequest(body: forgedStatus(harness), headers: ["Content-Type": "application/json"])
            : try harness.delivery()
        let name = signatureHeader(harness)
        let genuine = try harness.delivery().headers[name] ?? "v1,c2lnbmF0dXJl"
        request.headers[name] = value(genuine)
        return request
    }

    /// What a header attack must be rejected for: a signed provider finds the header malformed; a lookup provider
    /// ignores headers and finds the forged status contradicted.
    private func headerRejection(_ harness: WebhookHarness) -> WebhookRejectionReason {
        harness.mode == .lookup ? .notConfirmedByProvider(field: "status") : .malformedHeader(signatureHeader(harness))
    }

    func testGenuineDeliveriesAreAcceptedSoThatTheRejectionsBelowMeanSomething() async throws {
        for harness in try await WebhookHarness.all() {
            let key = try await harness.verify(try harness.delivery(deliveryID: "msg_genuine"))
            XCTAssertEqual(key, harness.expectedKey(harness.paymentID, "msg_genuine"), harness.name)
        }
    }

    func testReplays() async throws {
        for harness in try await WebhookHarness.all() {
            switch harness.mode {
            case .svix:
                for offset in [-301.0, -86_400, 301] {
                    var request = try harness.delivery()
                    request.headers = try SvixSignatureScheme.sign(
                        body: request.body, id: "msg_replayed",
                        timestamp: WebhookHarness.now.addingTimeInterval(offset),
                        secret: FakeSecrets.useGatewayWebhookSecret)
                    await expectRejected(
                        harness, request, offset < 0 ? .timestampTooOld : .timestampTooNew, "replay at \(offset) s")
                }
            case .hmac, .lookup:
                if harness.mode == .lookup {
                    // An old notice (the payment before it was paid), replayed now.
                    let old: Data =
                        switch harness.provider {
                        case .oneXGate:
                            replacing(#""status": "success""#, with: #""status": "pending""#, in: harness.body)
                        case .openPOS:
                            replacing(
                                #""event": "payment.confirmed""#, with: #""event": "payment.pending""#,
                                in: replacing(
                                    #""status": "confirmed""#, with: #""status": "pending""#, in: harness.body))
                        default: replacing(#""status": "COMPLETE""#, with: #""status": "OPEN""#, in: harness.body)
                        }
                    await expectRejected(
                        harness, WebhookRequest(body: old, headers: ["Content-Type": "application/json"]),
                        .notConfirmedByProvider(field: "status"), "an old notice replayed")
                }
            }
            // The same delivery twice, a day apart: verified twice, processed once.
            let clock = ManualClock()
            let seen = try SeenEventStore(timeToLive: .seconds(7 * 86_400), clock: clock.waitClock)
            let delivery = try harness.delivery(deliveryID: "msg_once")
            try seen.insertOrThrow(try await harness.verify(delivery))
            clock.advance(by: .seconds(86_400))
            do {
                try seen.insertOrThrow(try await harness.verify(delivery))
                XCTFail("\(harness.name): a replayed delivery was processed twice")
            } catch let error as PaymentError {
                XCTAssertEqual(error.webhookRejection, .duplicate, harness.name)
                rejected += 1
            }
        }
    }

    func testASignatureMadeWithAnotherProvidersSecretIsRejected() async throws {
        let foreign = [
            FakeSecrets.foreignWebhookSecret, FakeSecrets.storeGatewayWebhookSecret,
            FakeSecrets.usdtInvoiceWebhookSecret,
        ]
        for harness in try await WebhookHarness.all() {
            switch harness.mode {
            case .svix:
                var request = try harness.delivery()
                request.headers = try harness.signed(request.body, secret: FakeSecrets.foreignSvixSecret)
                await expectRejected(harness, request, .noMatchingSignature, "signed with another endpoint's secret")
            case .hmac:
                for secret in foreign
                where !harness.name.hasPrefix("storegateway") || secret != FakeSecrets.storeGatewayWebhookSecret {
                    if harness.provider == .usdtInvoice && secret == FakeSecrets.usdtInvoiceWebhookSecret { continue }
                    var request = try harness.delivery()
                    request.headers = try harness.signed(request.body, secret: secret)
                    await expectRejected(harness, request, .noMatchingSignature, "signed with a foreign secret")
                }
            case .lookup:
                // A forged notice dressed in every other provider's valid-looking signature headers.
                let body = forgedStatus(harness)
                var headers = try SvixSignatureScheme.sign(
                    body: body, id: "msg_x", timestamp: WebhookHarness.now, secret: FakeSecrets.foreignSvixSecret)
                for (name, secret) in [
                    (HMACHeaderSignatureScheme.storeGatewayHeaderName, FakeSecrets.storeGatewayWebhookSecret),
                    (HMACHeaderSignatureScheme.usdtInvoiceHeaderName, FakeSecrets.usdtInvoiceWebhookSecret),
                ] {
                    headers[name] = try HMACHeaderSignatureScheme.sign(body: body, secret: secret, headerName: name)[
                        name]
                }
                await expectRejected(
                    harness, WebhookRequest(body: body, headers: headers), .notConfirmedByProvider(field: "status"),
                    "a forged notice signed by other providers' secrets")
            }
        }
    }

    func testHeaderInjectionIsRejected() async throws {
        for harness in try await WebhookHarness.all() {
            for injected in ["\r\nX-Forwarded-For: 10.0.0.1", "\nv1,AAAA", "\r\n\r\n{\"status\":\"paid\"}"] {
                let request = try attacked(harness) { $0 + injected }
                await expectRejected(harness, request, headerRejection(harness), "a newline in the signature header")
            }
        }
    }

    func testABodyWithAByteOrderMarkIsRejected() async throws {
        let mark = Data([0xEF, 0xBB, 0xBF])
        for harness in try await WebhookHarness.all() {
            let genuine = try harness.delivery()
            // Prepended by something between the provider and us: the bytes are no longer the signed ones.
            let prepended = WebhookRequest(body: mark + genuine.body, headers: genuine.headers)
            // Signed with the mark, as if the provider itself had sent it: authentic, but not UTF-8 JSON.
            let signed = WebhookRequest(
                body: mark + genuine.body, headers: try harness.headers(mark + genuine.body, "msg_1"))
            if harness.mode == .lookup {
                await expectRejected(harness, prepended, .malformedPayload, "a BOM before a genuine notice")
            } else {
                await expectRejected(harness, prepended, .noMatchingSignature, "a BOM before a signed body")
                await expectRejected(harness, signed, .malformedPayload, "a signed body starting with a BOM")
            }
        }
    }

    func testAHundredKilobyteSignatureHeaderIsRejected() async throws {
        for harness in try await WebhookHarness.all() {
            let request = try attacked(harness) { $0 + String(repeating: "A", count: 100 * 1_024) }
            await expectRejected(harness, request, headerRejection(harness), "a 100 KB signature header")
        }
    }

    /// A thousand signatures in one header: refused on its length before any is decoded or compared, so the work
    /// is bounded whatever the count; a genuine one among them does not rescue the delivery.
    func testAThousandSignaturesInOneHeaderAreRejectedWithBoundedWork() async throws {
        for harness in try await WebhookHarness.all() {
            let request = try attacked(harness) { genuine in
                let junk: String =
                    switch harness.mode {
                    case .svix: "v1," + Data(repeating: 7, count: 32).base64EncodedString()
                    default: String(repeating: "ab", count: 32)
                    }
                return (Array(repeating: junk, count: 999) + [genuine]).joined(separator: " ")
            }
            await expectRejected(harness, request, headerRejection(harness), "1,000 signatures in one header")
            guard harness.mode != .lookup else { continue }
            let started = Date()
            for _ in 0..<200 { _ = try? await harness.verify(request) }
            let perAttack = Date().timeIntervalSince(started) / 200
            XCTAssertLessThan(perAttack, 0.01, "\(harness.name): \(perAttack * 1000) ms per 1,000-signature header")
        }
        // Just under the length limit: as many well-formed Svix signatures as fit, none genuine.
        let svix = try WebhookHarness.useGateway()
        var request = try svix.delivery()
        let entry = "v1," + Data(repeating: 9, count: 32).base64EncodedString()
        request.headers["svix-signature"] = Array(repeating: entry, count: WebhookRequest.maximumHeaderValueBytes / 48)
            .joined(separator: " ")
        await expectRejected(svix, request, .noMatchingSignature, "170 well-formed foreign signatures")
    }

    func testForgedStatusAndAmountAreRejectedByEveryProvider() async throws {
        for harness in try await WebhookHarness.all() {
            let forged = [("status", forgedStatus(harness)), ("amount", forgedAmount(harness))]
            for (field, body) in forged {
                XCTAssertNotEqual(body, harness.body, "\(harness.name): the forgery changed nothing")
                if harness.mode == .lookup {
                    await expectRejected(
                        harness, WebhookRequest(body: body, headers: ["Content-Type": "application/json"]),
                        .notConfirmedByProvider(field: field), "a forged \(field)")
                } else {
                    // Edited after signing: the signature no longer matches.
                    let genuine = try harness.delivery()
                    await expectRejected(
                        harness, WebhookRequest(body: body, headers: genuine.headers), .noMatchingSignature,
                        "a forged \(field) under the original signature")
                }
            }
        }
    }
}
