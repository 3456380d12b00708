import Foundation

/// How a webhook was authenticated.
public enum WebhookAuthentication: String, Hashable, Sendable, CustomStringConvertible {
    /// Its signature matched the endpoint's secret: the body is what the provider sent.
    case signature
    /// It carried no signature; the provider's API was asked about the payment it names and confirmed it. The
    /// event holds the fetched state, never the body's claims.
    case lookup

    /// The raw name.
    public var description: String { rawValue }
}

/// An authenticated webhook: the provider's event, and what a handler needs to process each event once.
public struct VerifiedWebhook<Event: Sendable>: Sendable {
    /// The event.
    public var event: Event
    /// The key to deduplicate deliveries by: the same for every delivery of one change, whoever sends it again.
    /// Record it durably, in the same transaction as the event's effect.
    ///
    /// It is always derived from authenticated content, never from an unsigned header or an unconfirmed body: a
    /// delivery id the signature covers (Svix's `svix-id`), the signed body (a USDT invoice's reference and status,
    /// a Store Gateway payment's id, event, status and amount received), or the state fetched from the provider's
    /// API for unsigned webhooks (1xGate, the POS API). A captured delivery replayed with fresh unsigned headers
    /// therefore gets the same key. Each provider module documents its exact form.
    public var idempotencyKey: String
    /// The provider's own delivery id, when it sends one. It may be an unsigned header (the USDT invoice API's
    /// `X-Webhook-Id`): use it to correlate with the provider's delivery logs, never to deduplicate.
    public var deliveryID: String?
    /// When the provider signed or sent the delivery, when it says.
    public var timestamp: Date?
    /// How the webhook was authenticated.
    public var authentication: WebhookAuthentication

    /// Creates a verified webhook.
    public init(
        event: Event,
        idempotencyKey: String,
        deliveryID: String? = nil,
        timestamp: Date? = nil,
        authentication: WebhookAuthentication
    ) {
        self.event = event
        self.idempotencyKey = idempotencyKey
        self.deliveryID = deliveryID
        self.timestamp = timestamp
        self.authentication = authentication
    }
}

extension VerifiedWebhook: Equatable where Event: Equatable {}
extension VerifiedWebhook: Hashable where Event: Hashable {}

/// A provider's webhook endpoint: authenticates a delivery, by signature or by asking the provider, and returns the
/// typed event. Every provider module's webhook type conforms.
public protocol WebhookAuthenticator: Sendable {
    /// The provider's event type.
    associatedtype Event: Sendable

    /// Authenticates `request` and returns its event.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` when the delivery is not authentic
    ///   or not confirmed (a bad or missing signature, a stale timestamp, a body that is not the provider's notice,
    ///   a payment the provider's API says does not exist or disagrees with): nothing in it may be trusted, and
    ///   sending it again will not change that. For providers authenticated by lookup, any other failure of the
    ///   lookup throws the lookup's own ``PaymentError`` (`rateLimited` with its ``PaymentError/retryAfter``,
    ///   `server`, `transport`, `timedOut`, …): the delivery may be genuine, so answer 5xx and let the provider
    ///   deliver again. `CancellationError` when the task is cancelled during a lookup.
    func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<Event>
}
