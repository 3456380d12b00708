import Foundation

/// One payment provider behind one interface: create a checkout, look it up, cancel it, and authenticate its
/// webhooks. Checkout code written against this protocol runs unchanged on any of the five providers.
///
/// Each provider module's client is wrapped by an adapter (``UseGatewayProvider``, ``StoreGatewayProvider``,
/// ``USDTInvoiceProvider``, ``OneXGateProvider``, ``OpenPOSProvider``); ``ProviderRegistry`` holds several and routes
/// webhooks by provider id.
public protocol PaymentProvider: Sendable {
    /// Which provider this is.
    var provider: ProviderID { get }

    /// What ``createCheckout(_:)`` accepts — prices, assets, URLs, expiry — and whether ``cancelCheckout(id:)``
    /// can cancel, so that checkout code can adapt a request before calling.
    var capabilities: CheckoutCapabilities { get }

    /// Creates a checkout (a payment or invoice at the provider) for what `request` describes.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest`, naming the provider and the reason, for what the
    ///   provider cannot express (an asset it does not take, an expiry outside its range) before anything is sent;
    ///   otherwise the provider client's errors. A creation that may have happened has
    ///   `PaymentError.outcome` `unknown`: look it up by ``CheckoutRequest/orderReference`` before retrying.
    func createCheckout(_ request: CheckoutRequest) async throws -> Checkout

    /// The checkout with this id, as the provider reports it now.
    ///
    /// - Throws: `PaymentError`: `notFound` when there is no such checkout, otherwise the client's errors.
    func checkout(id: String) async throws -> Checkout

    /// Cancels a checkout that has not been paid.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` when the provider has no cancellation, otherwise the
    ///   client's errors (`validation` or `conflict` when it can no longer be cancelled).
    func cancelCheckout(id: String) async throws -> Checkout

    /// Authenticates a webhook delivery — by signature, or for providers whose webhooks carry none by fetching the
    /// payment from the provider — and returns the event.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected` when the delivery is not authentic or not confirmed (bad
    ///   or missing signature, a body that is not a notice, a payment the provider's API says does not exist or
    ///   disagrees with): answer 4xx, nothing in it may be trusted. When a lookup fails for another reason, the
    ///   lookup's own error (`rateLimited` with its `retryAfter`, `server`, `transport`, `timedOut`, …), never a
    ///   rejection: answer 5xx so that the provider delivers again. `CancellationError` when cancelled during a
    ///   lookup.
    func verifyWebhook(_ request: WebhookRequest) async throws -> PaymentEvent
}

extension PaymentProvider {
    /// Polls ``checkout(id:)`` until the checkout's status ends a wait (`PaymentStatus.endsWait`: final, or
    /// waiting for the merchant, such as a partly paid 1xGate payment or an underpaid POS one) and returns it.
    ///
    /// Transient failures of a poll (rate limits, server errors, transport) do not end the wait.
    ///
    /// - Throws: `PaymentError` of kind `timedOut` when `timeout` passes first, `invalidRequest` for a
    ///   non-positive interval, a poll's non-transient error; `CancellationError` when the task is cancelled.
    public func waitForFinalStatus(
        id: String,
        pollEvery interval: Duration = .seconds(10),
        timeout: Duration = .seconds(3600),
        clock: WaitClock = .system
    ) async throws -> Checkout {
        try await Polling.until(
            every: interval,
            timeout: timeout,
            clock: clock,
            provider: provider,
            operation: "checkouts.waitForFinalStatus",
            fetch: { try await checkout(id: id) },
            isDone: { $0.status.endsWait }
        )
    }
}
