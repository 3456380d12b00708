import CryptoPayCore
import Foundation

/// Authenticates Store Gateway webhooks and decodes them as ``StoreGatewayWebhookEvent``.
///
/// A store with a webhook secret (Settings → Webhook) has every delivery signed in `X-Webhook-HMAC-SHA256`
/// (HMAC-SHA256 of the raw body); ``init(secret:)`` checks it:
///
/// ```swift
/// let webhook = try StoreGatewayWebhook(secret: webhookSecret)
/// let verified = try await webhook.verify(WebhookRequest(body: rawBody, headers: headers))
/// // Process verified.event once per verified.idempotencyKey, then answer HTTP 200.
/// ```
///
/// With a secret configured, a delivery without the header is rejected. A store without a secret gets unsigned
/// deliveries (the document says so); ``init(confirmingWith:)`` authenticates those by fetching the payment instead.
///
/// The service retries a delivery up to ten times until it gets HTTP 200 and sends no delivery ID, so
/// `VerifiedWebhook.idempotencyKey` is built from authenticated content: for a signed delivery,
/// ``StoreGatewayWebhookEvent/idempotencyKey`` (payment ID, event, status and amount received) or `sha256:` and the
/// hex SHA-256 of the body for one the document does not describe; for one confirmed by lookup,
/// `payment:<payment_id>:<status>:<ip_amount>` of the fetched payment. Pass the body exactly as received. The
/// secrets never appear in descriptions, mirrors or errors.
public struct StoreGatewayWebhook: WebhookAuthenticator, CustomStringConvertible {
    private enum Mode: Sendable {
        case signature(WebhookVerifier<StoreGatewayWebhookEvent>)
        case lookup(LookupWebhookVerifier<StoreGatewayWebhookEvent, StoreGatewayPayment, StoreGatewayWebhookEvent>)
    }

    private let mode: Mode

    /// Creates a verifier for one or more webhook secrets (more than one while the secret is changed).
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` when no secret is given or a secret is empty.
    public init(secrets: [String]) throws {
        let scheme = try HMACHeaderSignatureScheme(
            headerName: HMACHeaderSignatureScheme.storeGatewayHeaderName,
            secrets: secrets,
            provider: .storeGateway
        )
        mode = .signature(
            WebhookVerifier(scheme: scheme) { event, _, request in
                event.idempotencyKey ?? "sha256:" + Hex.encode(SHA256.hash(request.body))
            }
        )
    }

    /// Creates a verifier for the store's webhook secret.
    ///
    /// - Throws: as ``init(secrets:)``.
    public init(secret: String) throws {
        try self.init(secrets: [secret])
    }

    /// Creates a verifier for a store without a webhook secret, whose deliveries are unsigned: it reads the
    /// notification, fetches the payment it names with `payments.retrieve`, and returns the event with the
    /// **fetched** payment.
    ///
    /// The delivery is rejected when its `payment_id`, `amount`, `asset_id`, `status` or `ip_amount` disagrees
    /// with the fetched payment (a notice that arrives after a later change is rejected too; the later change
    /// brings its own webhook). Dedicate notifications cannot be confirmed (the document offers no way to fetch a
    /// dedicated address) and are rejected, as are deliveries the document does not describe.
    public init(confirmingWith client: StoreGatewayClient) {
        let payments = client.payments
        mode = .lookup(
            LookupWebhookVerifier(
                provider: .storeGateway,
                fetch: { notice in
                    guard case .payment(let payment) = notice.payload else {
                        throw PaymentError.webhookRejected(
                            .lookupFailed,
                            "Only payment notifications can be confirmed with the API; sign deliveries with a secret.",
                            provider: .storeGateway
                        )
                    }
                    return try await payments.retrieve(id: payment.paymentID)
                },
                compare: Self.mismatch,
                build: { notice, payment in
                    let event = StoreGatewayWebhookEvent(
                        type: notice.type, event: notice.event, payload: .payment(payment))
                    return (event, Self.idempotencyKey(confirmed: payment))
                }
            )
        )
    }

    /// Authenticates a delivery and decodes it.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected`. With a secret: `missingHeader` without
    ///   `X-Webhook-HMAC-SHA256`, `malformedHeader` when it is not an HMAC-SHA256 in hex or base64,
    ///   `noMatchingSignature` when it matches no secret (a tampered body, another secret), `malformedPayload` when
    ///   an authentic body is not JSON or a documented event's payment is malformed. By lookup: `malformedPayload`,
    ///   `lookupFailed` when the service says the payment does not exist or the delivery is not a payment
    ///   notification, `notConfirmedByProvider(field:)` naming the first field that disagrees; a lookup that fails
    ///   otherwise throws its own error (`rateLimited`, `server`, `transport`, `timedOut`, …), never a rejection,
    ///   so that the service delivers again. `CancellationError` when the task is cancelled during the lookup.
    public func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<StoreGatewayWebhookEvent> {
        switch mode {
        case .signature(let verifier): try verifier.verify(request)
        case .lookup(let verifier): try await verifier.verify(request)
        }
    }

    /// `StoreGatewayWebhook(X-Webhook-HMAC-SHA256)` or `StoreGatewayWebhook(lookup)`: never the secrets.
    public var description: String {
        switch mode {
        case .signature: "StoreGatewayWebhook(\(HMACHeaderSignatureScheme.storeGatewayHeaderName))"
        case .lookup: "StoreGatewayWebhook(lookup)"
        }
    }

    /// The key of a delivery confirmed by lookup, from the fetched payment alone (the unsigned body's `event` is not
    /// compared with anything, so it must not split one change into several keys):
    /// `payment:<payment_id>:<status>:<ip_amount>`.
    static func idempotencyKey(confirmed payment: StoreGatewayPayment) -> String {
        let received = payment.ipAmount.map(DecimalText.format) ?? ""
        return "payment:" + [payment.paymentID, payment.status?.rawValue ?? "", received].joined(separator: ":")
    }

    /// The first field in which a notification and the fetched payment disagree.
    static func mismatch(_ notice: StoreGatewayWebhookEvent, _ fetched: StoreGatewayPayment) -> WebhookMismatch? {
        guard case .payment(let claimed) = notice.payload else { return nil }
        return WebhookMismatch.check("payment_id", claimed: claimed.paymentID, confirmed: fetched.paymentID)
            ?? amountMismatch("amount", claimed: claimed.amount, confirmed: fetched.amount)
            ?? WebhookMismatch.check("asset_id", claimed: claimed.assetID, confirmed: fetched.assetID)
            ?? WebhookMismatch.check(
                "status", claimed: claimed.status?.rawValue, confirmed: fetched.status?.rawValue)
            ?? amountMismatch("ip_amount", claimed: claimed.ipAmount, confirmed: fetched.ipAmount)
    }

    private static func amountMismatch(_ field: String, claimed: Decimal?, confirmed: Decimal?) -> WebhookMismatch? {
        guard let claimed, claimed != confirmed else { return nil }
        return WebhookMismatch(
            field: field,
            claimed: DecimalText.format(claimed),
            confirmed: confirmed.map(DecimalText.format) ?? "none"
        )
    }
}
