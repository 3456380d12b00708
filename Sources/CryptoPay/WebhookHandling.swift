import Foundation

/// What ``ProviderRegistry/handleWebhook(_:for:apply:)`` did with a delivery.
public enum WebhookHandling: Sendable {
    /// The event was new: `apply` ran and succeeded.
    case applied(PaymentEvent)
    /// The event was processed before (another delivery of it, maybe on another instance): `apply` did not run.
    case duplicate(PaymentEvent)

    /// The verified event.
    public var event: PaymentEvent {
        switch self {
        case .applied(let event), .duplicate(let event): event
        }
    }
}

extension ProviderRegistry {
    /// Verifies a delivery to provider `id`'s endpoint, claims its idempotency key in ``processedWebhooks`` and runs
    /// `apply` once per event; a failed `apply` releases the claim, so that the provider's next delivery runs it again.
    ///
    /// Answer the provider 2xx for both results. When your effect and the claim can share a database transaction,
    /// do both in `apply` instead, with a store bound to that transaction (see `ProcessedWebhookStore`): then no
    /// crash between them can lose or double the effect.
    ///
    /// - Throws: as ``verifyWebhook(_:for:)`` (`webhookRejected`: answer 400; `notFound` without an HTTP status: no
    ///   such provider, 404; anything else: 5xx); the store's and `apply`'s own errors, after the release; a
    ///   `CancellationError`.
    public func handleWebhook(
        _ request: WebhookRequest,
        for id: ProviderID,
        apply: (PaymentEvent) async throws -> Void
    ) async throws -> WebhookHandling {
        let event = try await verifyWebhook(request, for: id)
        guard try await processedWebhooks.claim(event.idempotencyKey, provider: id) else { return .duplicate(event) }
        do {
            try await apply(event)
        } catch {
            try await processedWebhooks.release(event.idempotencyKey, provider: id)
            throw error
        }
        return .applied(event)
    }
}
