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

/// Authenticates webhooks that carry no signature (1xGate, the POS API, an unsigned Store Gateway store) the way
/// their documents advise: parse the notification, fetch the payment it names from the provider's API, compare, and
/// hand back the *fetched* state.
///
/// Anyone who knows the endpoint URL can post a notification, so nothing in the body reaches the caller. A delivery
/// is rejected only when it is known not to be genuine: the body is not a notice, the payment it names does not
/// exist, or the fetched payment disagrees with it. A lookup that fails for any other reason (429, 5xx, a timeout,
/// a lost connection, rejected credentials) proves nothing about the delivery, so its own error is thrown: the
/// merchant answers 5xx and the provider delivers again, instead of a genuine "paid" notice being answered 4xx during
/// an outage and never sent again.
package struct LookupWebhookVerifier<Notice: Decodable & Sendable, Fetched: Sendable, Event: Sendable>: Sendable {
    /// Fetches the payment a notice names. It may throw a ``PaymentError/Kind/webhookRejected`` error itself when
    /// the notice can never be confirmed (it is not a payment notice, it lacks what the lookup needs); that is
    /// passed on.
    package typealias Fetch = @Sendable (Notice) async throws -> Fetched
    /// Returns the first field in which notice and fetched payment disagree, or `nil`.
    package typealias Compare = @Sendable (Notice, Fetched) -> WebhookMismatch?
    /// Builds the event and its idempotency key from the confirmed notice and the fetched payment. The key must be
    /// built from the fetched payment: the notice is unsigned.
    package typealias Build = @Sendable (Notice, Fetched) -> (event: Event, idempotencyKey: String)
    /// True when a lookup's error is the provider's answer that the payment does not exist.
    package typealias IsUnknownPayment = @Sendable (PaymentError) -> Bool

    private let provider: ProviderID
    private let decoder: JSONDecoder
    private let fetch: Fetch
    private let compare: Compare
    private let build: Build
    private let isUnknownPayment: IsUnknownPayment

    /// Creates a verifier.
    ///
    /// - Parameter isUnknownPayment: which lookup errors say the payment does not exist; by default
    ///   ``unknownPaymentByDefault(_:)``. Providers that report an unknown payment another way (the POS API's `err`
    ///   element in an HTTP 200) pass their own.
    package init(
        provider: ProviderID,
        decoder: JSONDecoder = JSONCoding.makeDecoder(),
        fetch: @escaping Fetch,
        compare: @escaping Compare,
        build: @escaping Build,
        isUnknownPayment: @escaping IsUnknownPayment = LookupWebhookVerifier.unknownPaymentByDefault
    ) {
        self.provider = provider
        self.decoder = decoder
        self.fetch = fetch
        self.compare = compare
        self.build = build
        self.isUnknownPayment = isUnknownPayment
    }

    /// A lookup error that says the payment does not exist: the provider answered ``PaymentError/Kind/notFound``,
    /// or the client refused to send the lookup at all (``PaymentError/Kind/invalidRequest`` without an HTTP
    /// status) because the id the notice names cannot name a payment (empty, `..`).
    package static func unknownPaymentByDefault(_ error: PaymentError) -> Bool {
        error.kind == .notFound || (error.kind == .invalidRequest && error.httpStatus == nil)
    }

    /// Parses the notice, fetches the payment, compares them and returns the event built from the fetched state.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` only when the delivery is not
    ///   genuine: ``WebhookRejectionReason/malformedPayload`` when the body is not a notice,
    ///   ``WebhookRejectionReason/lookupFailed`` (with the cause in the message) when the provider says the payment
    ///   does not exist, ``WebhookRejectionReason/notConfirmedByProvider(field:)`` when the fetched payment disagrees,
    ///   or a rejection the fetch itself throws. Any other lookup failure throws the lookup's own ``PaymentError``
    ///   (`rateLimited` with its ``PaymentError/retryAfter``, `server`, `transport`, `timedOut`, `authentication`,
    ///   `decoding`…, naming the provider and operation; an error that is not a `PaymentError` becomes a `server`
    ///   error naming only its type): answer those with 5xx so that the provider delivers again.
    ///   `CancellationError` when the task is cancelled during the lookup.
    package func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<Event> {
        let notice = try WebhookPayload.decode(Notice.self, from: request.body, decoder: decoder, provider: provider)
        let fetched: Fetched
        do {
            fetched = try await fetch(notice)
        } catch let error as CancellationError {
            throw error
        } catch var error as PaymentError {
            if error.kind == .webhookRejected {
                error.provider = error.provider ?? provider
                throw error
            }
            guard isUnknownPayment(error) else {
                error.provider = error.provider ?? provider
                throw error
            }
            throw PaymentError.webhookRejected(
                .lookupFailed,
                "The webhook names a payment the provider does not know (\(error)).",
                provider: provider
            )
        } catch {
            throw PaymentError(
                .server,
                message: "The webhook could not be confirmed: looking up its payment failed with \(type(of: error)).",
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
