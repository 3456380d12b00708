import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import OpenPOS
import StoreGateway
import TestKit
import USDTInvoice
import UseGateway

/// A transport that answers every request with what a closure makes of it: a stand-in provider API for the lookups
/// of unsigned webhooks, safe to share across any number of concurrent verifications.
struct ClosureTransport: HTTPTransport {
    let answer: @Sendable (TransportRequest) -> TransportResponse

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        answer(request)
    }
}

/// One provider's webhook verifier (one per authentication mode), built once and shared, with a genuine delivery and
/// the means to make others: signed with the right secret for signed providers, confirmed by a stand-in API for
/// lookup providers (which answers for whichever payment id the notice names).
struct WebhookHarness: Sendable {
    enum Mode: Sendable, Equatable {
        /// Svix: id, timestamp and `v1` signatures.
        case svix
        /// HMAC-SHA256 of the body in one header.
        case hmac(header: String)
        /// No signature: the payment is fetched and compared.
        case lookup
    }

    let name: String
    let provider: ProviderID
    let mode: Mode
    /// The genuine body, from the fixtures.
    let body: Data
    /// The payment id inside `body`; replacing it with another makes another genuine delivery.
    let paymentID: String
    /// Verifies a delivery with the shared verifier and returns its idempotency key.
    let verify: @Sendable (WebhookRequest) async throws -> String
    /// The idempotency key a genuine delivery of `body` with `paymentID` replaced by `id` (and, for Svix and USDT,
    /// the delivery id `deliveryID`) must have.
    let expectedKey: @Sendable (_ id: String, _ deliveryID: String) -> String
    /// Headers that authenticate `body` for this provider (`deliveryID` as svix-id or X-Webhook-Id).
    let headers: @Sendable (_ body: Data, _ deliveryID: String) throws -> HeaderFields
    /// The delivery with the fixture's payment id replaced by `id`.
    func delivery(id: String? = nil, deliveryID: String = "msg_1") throws -> WebhookRequest {
        let body = id.map { replacing(paymentID, with: $0, in: self.body) } ?? self.body
        return WebhookRequest(body: body, headers: try headers(body, deliveryID))
    }

    /// Signs `body` as `provider` would with `secret`; lookup providers get plain JSON headers.
    func signed(_ body: Data, secret: String, deliveryID: String = "msg_1") throws -> HeaderFields {
        switch mode {
        case .svix:
            return try SvixSignatureScheme.sign(
                body: body, id: deliveryID, timestamp: WebhookHarness.now, secret: secret)
        case .hmac(let header):
            var fields = try HMACHeaderSignatureScheme.sign(body: body, secret: secret, headerName: header)
            if provider == .usdtInvoice { fields["X-Webhook-Id"] = deliveryID }
            fields["Content-Type"] = "application/json"
            return fields
        case .lookup:
            return ["Content-Type": "application/json"]
        }
    }

    /// The fixed time every Svix verifier reads: 2023-11-14T22:13:20Z.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static func all() async throws -> [WebhookHarness] {
        [
            try useGateway(), try storeGatewaySigned(), try usdtInvoice(), try storeGatewayLookup(), try oneXGate(),
            try await openPOS(),
        ]
    }

    static func useGateway() throws -> WebhookHarness {
        let webhook = try UseGatewayWebhook(
            secret: FakeSecrets.useGatewayWebhookSecret, clock: WaitClock(now: { now }, sleep: { _ in }))
        return WebhookHarness(
            name: "usegateway (svix)", provider: .useGateway, mode: .svix,
            body: try Fixtures.data("UseGateway/webhook_payment_completed.json"),
            paymentID: "24934862-d980-46cb-9402-43c81b0cdba6",
            verify: { try await webhook.verify($0).idempotencyKey },
            expectedKey: { _, deliveryID in deliveryID },
            headers: { body, deliveryID in
                try SvixSignatureScheme.sign(
                    body: body, id: deliveryID, timestamp: now, secret: FakeSecrets.useGatewayWebhookSecret)
            }
        )
    }

    static func storeGatewaySigned() throws -> WebhookHarness {
        let webhook = try StoreGatewayWebhook(secret: FakeSecrets.storeGatewayWebhookSecret)
        let header = HMACHeaderSignatureScheme.storeGatewayHeaderName
        return WebhookHarness(
            name: "storegateway (hmac)", provider: .storeGateway, mode: .hmac(header: header),
            body: try Fixtures.data("StoreGateway/webhook_payment_complete.json"),
            paymentID: "48bfcfc1-5658-48f9-81ca-d56ac92afd9d",
            verify: { try await webhook.verify($0).idempotencyKey },
            expectedKey: { id, _ in "payment:\(id):payment.complete:COMPLETE:0.002137791379927765" },
            headers: { body, _ in
                var fields = try HMACHeaderSignatureScheme.sign(
                    body: body, secret: FakeSecrets.storeGatewayWebhookSecret, headerName: header)
                fields["Content-Type"] = "application/json"
                return fields
            }
        )
    }

    static func usdtInvoice() throws -> WebhookHarness {
        let webhook = try USDTInvoiceWebhook(secret: FakeSecrets.usdtInvoiceWebhookSecret)
        let header = HMACHeaderSignatureScheme.usdtInvoiceHeaderName
        return WebhookHarness(
            name: "usdtinvoice (hmac)", provider: .usdtInvoice, mode: .hmac(header: header),
            body: try Fixtures.data("USDTInvoice/webhook_payment_confirmed.json"),
            paymentID: "ORDER-12345",
            verify: { try await webhook.verify($0).idempotencyKey },
            expectedKey: { reference, _ in "\(reference):confirmed" },
            headers: { body, deliveryID in
                var fields = try HMACHeaderSignatureScheme.sign(
                    body: body, secret: FakeSecrets.usdtInvoiceWebhookSecret, headerName: header)
                fields["X-Webhook-Id"] = deliveryID
                fields["Content-Type"] = "application/json"
                return fields
            }
        )
    }

    static func storeGatewayLookup() throws -> WebhookHarness {
        let body = try Fixtures.data("StoreGateway/webhook_payment_complete.json")
        let paymentID = "48bfcfc1-5658-48f9-81ca-d56ac92afd9d"
        guard let payment = try JSONDecoder().decode(JSONValue.self, from: body)["payment"] else {
            throw FixtureError(message: "webhook_payment_complete.json has no payment")
        }
        let fetched = try JSONCoding.makeEncoder().encode(payment)
        let api = ClosureTransport { request in
            let id = request.url.lastPathComponent
            return TransportResponse(
                statusCode: 200, headers: ["Content-Type": "application/json"],
                body: replacing(paymentID, with: id, in: fetched))
        }
        let client = try StoreGatewayClient(
            apiKey: FakeSecrets.storeGatewayAPIKey, apiSecret: FakeSecrets.storeGatewayAPISecret,
            configuration: ClientConfiguration(
                baseURL: URL(string: "https://gateway.example.com/int"), transport: api, retryPolicy: .none))
        let webhook = StoreGatewayWebhook(confirmingWith: client)
        return WebhookHarness(
            name: "storegateway (lookup)", provider: .storeGateway, mode: .lookup, body: body, paymentID: paymentID,
            verify: { try await webhook.verify($0).idempotencyKey },
            expectedKey: { id, _ in "payment:\(id):COMPLETE:0.002137791379927765" },
            headers: { _, _ in ["Content-Type": "application/json"] }
        )
    }

    static func oneXGate() throws -> WebhookHarness {
        let paymentID = "63decf79eec0e4414cc6823b"
        let fetched = try Fixtures.data("OneXGate/payments_retrieve_success.json")
        let api = ClosureTransport { request in
            TransportResponse(
                statusCode: 200, headers: ["Content-Type": "application/json"],
                body: replacing(paymentID, with: request.url.lastPathComponent, in: fetched))
        }
        let client = try OneXGateClient(
            apiKey: FakeSecrets.oneXGateAPIKey,
            configuration: ClientConfiguration(transport: api, retryPolicy: .none))
        let webhook = OneXGateWebhook(client: client)
        return WebhookHarness(
            name: "onexgate (lookup)", provider: .oneXGate, mode: .lookup,
            body: try Fixtures.data("OneXGate/webhook_payment.json"), paymentID: paymentID,
            verify: { try await webhook.verify($0).idempotencyKey },
            expectedKey: { id, _ in "\(id):success:2.3" },
            headers: { _, _ in ["Content-Type": "application/json"] }
        )
    }

    /// The address book knows the document's payment and every `pos-<n>` id up to 20,000, at the document's
    /// address (its capacity raised above the default to hold them all).
    static func openPOS() async throws -> WebhookHarness {
        let paymentID = "123e4567-e89b-12d3-a456-426614174000"
        let address = "38wGZr2xLgbHWsYrsNCER1C9mZkNHwyd69"
        let book = try OpenPOSInMemoryAddressBook(capacity: 20_001)
        await book.record(OpenPOSPaymentReference(paymentID: paymentID, currency: .btc, address: address))
        for index in 0..<20_000 {
            await book.record(OpenPOSPaymentReference(paymentID: "pos-\(index)", currency: .btc, address: address))
        }
        let fetched = try Fixtures.data("OpenPOS/checkPayment_confirmed.json")
        let api = ClosureTransport { _ in
            TransportResponse(statusCode: 200, headers: ["Content-Type": "application/json"], body: fetched)
        }
        let client = try OpenPOSClient(
            username: FakeSecrets.openPOSUsername, apiKey: FakeSecrets.openPOSAPIKey, posID: "POS1",
            configuration: ClientConfiguration(
                baseURL: URL(string: "https://api.demoURL.com/v2/"), transport: api, retryPolicy: .none),
            addressBook: book)
        let webhook = OpenPOSWebhook(client: client)
        return WebhookHarness(
            name: "openpos (lookup)", provider: .openPOS, mode: .lookup,
            body: try Fixtures.data("OpenPOS/webhook_payment_confirmed.json"), paymentID: paymentID,
            verify: { try await webhook.verify($0).idempotencyKey },
            expectedKey: { id, _ in "\(id):payment.confirmed" },
            headers: { _, _ in ["Content-Type": "application/json"] }
        )
    }
}

/// `data` with every occurrence of `old` replaced by `new`, as text.
func replacing(_ old: String, with new: String, in data: Data) -> Data {
    Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
}
