import Foundation

/// A way a provider signs its webhooks: checks that a delivery was signed by the holder of the endpoint's secret
/// (and, where the scheme has one, that its timestamp is fresh).
///
/// Implementations are immutable values safe to share across concurrent requests. Build one at start-up (bad
/// configuration, such as an empty secret, is reported there) and call ``verify(_:)`` for every delivery before
/// trusting anything in it. Providers whose webhooks carry no signature have no scheme: their notifications are
/// authenticated by asking the provider's API (`LookupWebhookVerifier`).
public protocol WebhookSignatureScheme: Sendable {
    /// The provider named in rejection errors, when known.
    var provider: ProviderID? { get }

    /// Returns what the signed headers say about the delivery when `request` is authentic.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected``, whose
    ///   ``PaymentError/webhookRejection`` says what was wrong; nothing in a rejected request may be trusted.
    @discardableResult
    func verify(_ request: WebhookRequest) throws -> VerifiedSignature
}

extension WebhookSignatureScheme {
    /// No provider, for schemes that are not tied to one.
    public var provider: ProviderID? { nil }
}

/// What an authentic signature vouches for besides the body: the delivery's id and signing time, where the scheme
/// signs them (Svix does; a bare HMAC of the body does not).
public struct VerifiedSignature: Hashable, Sendable {
    /// The provider's id of the delivery (`svix-id`), when the scheme signs one.
    public var deliveryID: String?
    /// When the provider signed the delivery, when the scheme signs a time.
    public var timestamp: Date?

    /// Creates the result of a signature check.
    public init(deliveryID: String? = nil, timestamp: Date? = nil) {
        self.deliveryID = deliveryID
        self.timestamp = timestamp
    }
}
