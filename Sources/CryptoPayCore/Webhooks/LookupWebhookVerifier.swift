import Foundation

/// A field in which an unsigned webhook and the provider's own record of the payment disagree.
package struct WebhookMismatch: Hashable, Sendable {
    /// The field's wire name (`amount`, `status`).
    package var field: String
    /// What the webhook body claims.
    package var claimed: String
    /// What the provider's API says.
    package var confirmed: String

    /// Creates a mismatch.
    package init(field: String, claimed: String, confirmed: String) {
        self.field = field
        self.claimed = claimed
        self.confirmed = confirmed
    }

    /// A mismatch when `claimed` is present and differs from `confirmed`; `nil` when they agree or the body left
    /// the field out.
    package static func check<Value: Equatable & CustomStringConvertible>(
        _ field: String,
        claimed: Value?,
        confirmed: Value?
    ) -> WebhookMismatch? {
        guard let claimed, claimed != confirmed else { return nil }
        return WebhookMismatch(field: field, claimed: claimed.description, confirmed: confirmed?.description ?? "none")
    }
}

/// Authenticates webhooks that carry no signature (1xGate, the POS API) the way their documents advise: parse the
/// notification, fetch the payment it names from the provider's API, compare, and hand back the *fetched* state.
///
/// Anyone who knows the endpoint URL can post a notification, so nothing in the body reaches the caller: a body that
/// does not parse, a lookup that fails, or a fetched payment that disagrees with the body rejects the delivery.
package struct LookupWebhookVerifier<Notice: Decodable & Sendable, Fetched: Sendable, Event: Sendable>: Sendable {
    /// Fetches the payment a notice names.
    package typealias Fetch = @Sendable (Notice) async throws -> Fetched
    /// Returns the first field in which notice and fetched payment disagree, or `nil`.
    package typealias Compare = @Sendable (Notice, Fetched) -> WebhookMismatch?
    /// Builds the event and its idempotency key from the confirmed notice and the fetched payment.
    package typealias Build = @Sendable (Notice, Fetched) -> (event: Event, idempotencyKey: String)

    private let provider: ProviderID
    private let decoder: JSONDecoder
    private let fetch: Fetch
    private let compare: Compare
    private let build: Build

    /// Creates a verifier.
    package init(
        provider: ProviderID,
        decoder: JSONDecoder = JSONCoding.makeDecoder(),
        fetch: @escaping Fetch,
        compare: @escaping Compare,
        build: @escaping Build
    ) {
        self.provider = provider
        self.decoder = decoder
        self.fetch = fetch
        self.compare = compare
        self.build = build
    }

    /// Parses the notice, fetches the payment, compares them and returns the event built from the fetched state.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected``: reason
    ///   ``WebhookRejectionReason/malformedPayload`` when the body is not a notice,
    ///   ``WebhookRejectionReason/lookupFailed`` (with the cause in the message) when the payment could not be
    ///   fetched, ``WebhookRejectionReason/notConfirmedByProvider(field:)`` when the fetched payment disagrees;
    ///   `CancellationError` when the task is cancelled during the lookup.
    package func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<Event> {
        let notice = try WebhookPayload.decode(Notice.self, from: request.body, decoder: decoder, provider: provider)
        let fetched: Fetched
        do {
            fetched = try await fetch(notice)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw PaymentError.webhookRejected(
                .lookupFailed,
                "The webhook could not be authenticated: looking up the payment it names failed (\(error)).",
                provider: provider
            )
        }
        if let mismatch = compare(notice, fetched) {
            throw PaymentError.webhookRejected(
                .notConfirmedByProvider(field: mismatch.field),
                "The webhook is not confirmed by the provider's API: its \(mismatch.field) is \(mismatch.claimed), "
                    + "the provider says \(mismatch.confirmed).",
                provider: provider
            )
        }
        let built = build(notice, fetched)
        return VerifiedWebhook(event: built.event, idempotencyKey: built.idempotencyKey, authentication: .lookup)
    }
}
