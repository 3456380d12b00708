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
    /// The key to deduplicate deliveries by: the provider's delivery id where it sends one, otherwise a stable key
    /// documented by the provider module. Record it durably, in the same transaction as the event's effect.
    public var idempotencyKey: String
    /// The provider's own delivery id, when it sends one.
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
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` when the delivery cannot be
    ///   authenticated; `CancellationError` when the task is cancelled during a lookup.
    func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<Event>
}
