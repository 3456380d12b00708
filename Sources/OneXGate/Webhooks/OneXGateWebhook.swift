import CryptoPayCore
import Foundation

/// Authenticates 1xGate webhooks, which carry no signature, the way the document advises: it reads the
/// notification, fetches the payment it names with `payments.retrieve`, checks that the two agree, and returns the
/// **fetched** payment.
///
/// ```swift
/// let webhook = OneXGateWebhook(client: client)
/// let verified = try await webhook.verify(WebhookRequest(body: rawBody, headers: headers))
/// if verified.event.status.paymentStatus == .paid { … }  // the payment as 1xGate's API reports it
/// // Process each verified.idempotencyKey once.
/// ```
///
/// Anyone who knows the webhook URL can post to it, so nothing from the body reaches the caller unless the fetch
/// confirmed it. The delivery is rejected when its `_id`, `type`, `currency`, `network`, `amount`, `status` or
/// `amountPaid` disagrees with the fetched payment (a `status` is compared as the unified status, so `crated` and
/// `created` agree). A webhook sent before a later change (a `pending` notice arriving after the payment succeeded)
/// is rejected too; the later change brings its own webhook. A delivery naming a payment 1xGate answers 404 for
/// ("Payment not found"), or an `_id` that cannot name one (empty), is rejected as `lookupFailed`.
///
/// A lookup that fails for any other reason says nothing about the delivery and is never a rejection: its own
/// `PaymentError` is thrown (`rateLimited` with its `retryAfter`, `server`, `transport`, `timedOut`,
/// `authentication`, `decoding`). Answer those with 5xx: 1xGate delivers again, and the same delivery is accepted
/// with the same `VerifiedWebhook.idempotencyKey` once the API answers.
public struct OneXGateWebhook: WebhookAuthenticator {
    private let verifier: LookupWebhookVerifier<OneXGateWebhookNotification, OneXGatePayment, OneXGatePayment>

    /// Creates a verifier that looks payments up with `client`.
    public init(client: OneXGateClient) {
        let payments = client.payments
        verifier = LookupWebhookVerifier(
            provider: .oneXGate,
            fetch: { notice in try await payments.retrieve(id: notice.paymentID) },
            compare: Self.mismatch,
            build: { _, payment in (payment, Self.idempotencyKey(for: payment)) }
        )
    }

    /// Reads the notification, fetches the payment it names and returns the fetched payment. The result's
    /// `VerifiedWebhook.authentication` is `lookup`, and its `VerifiedWebhook.idempotencyKey` is
    /// `<_id>:<status>:<amountPaid>` of the fetched payment (1xGate sends no delivery id, and nothing from the
    /// unsigned body goes into the key), so a repeated delivery of the same change has the same key.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected` with reason `malformedPayload` when the body is not a
    ///   1xGate notification, `lookupFailed` (with 1xGate's answer) when 1xGate says the payment does not exist,
    ///   `notConfirmedByProvider(field:)` naming the first field that disagrees. When the lookup fails otherwise,
    ///   its own error (`rateLimited`, `server`, `transport`, `timedOut`, …, naming `payments.retrieve`), never a
    ///   rejection. `CancellationError` when the task is cancelled during the lookup.
    public func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<OneXGatePayment> {
        try await verifier.verify(request)
    }

    /// The first field in which the notification and the fetched payment disagree.
    static func mismatch(_ notice: OneXGateWebhookNotification, _ payment: OneXGatePayment) -> WebhookMismatch? {
        let claimedType = notice.type.map { $0.rawValue.lowercased() }
        let claimedStatus = notice.status.paymentStatus == payment.status.paymentStatus ? nil : notice.status.rawValue
        return WebhookMismatch.check("_id", claimed: notice.paymentID, confirmed: payment.id)
            ?? WebhookMismatch.check("type", claimed: claimedType, confirmed: OneXGateWebhookType.payment.rawValue)
            ?? WebhookMismatch.check(
                "currency",
                claimed: notice.currency.rawValue.lowercased(),
                confirmed: payment.currency.rawValue.lowercased()
            )
            ?? WebhookMismatch.check(
                "network",
                claimed: notice.network.rawValue.lowercased(),
                confirmed: payment.network.rawValue.lowercased()
            )
            ?? amountMismatch("amount", claimed: notice.amount, confirmed: payment.amount)
            ?? WebhookMismatch.check("status", claimed: claimedStatus, confirmed: payment.status.rawValue)
            ?? amountMismatch("amountPaid", claimed: notice.amountPaid, confirmed: payment.amountPaid)
    }

    private static func amountMismatch(_ field: String, claimed: Decimal?, confirmed: Decimal?) -> WebhookMismatch? {
        guard let claimed, claimed != confirmed else { return nil }
        return WebhookMismatch(
            field: field,
            claimed: DecimalText.format(claimed),
            confirmed: confirmed.map(DecimalText.format) ?? "none"
        )
    }

    static func idempotencyKey(for payment: OneXGatePayment) -> String {
        "\(payment.id):\(payment.status.rawValue):\(DecimalText.format(payment.amountPaid ?? 0))"
    }
}
