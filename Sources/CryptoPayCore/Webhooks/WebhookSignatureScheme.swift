/// A way a provider authenticates its webhooks: checks that a delivery was signed by the holder of the endpoint's
/// secret (and, where the scheme has one, that its timestamp is fresh).
///
/// Implementations are immutable values safe to share across concurrent requests. Build one at start-up (bad
/// configuration, such as an empty secret, is reported there) and call ``verify(_:)`` for every delivery before
/// trusting anything in it.
public protocol WebhookSignatureScheme: Sendable {
    /// The provider named in rejection errors, when known.
    var provider: ProviderID? { get }

    /// Returns normally when `request` is authentic.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected(_:)``, whose
    ///   ``WebhookRejectionReason`` says what was wrong; nothing in a rejected request may be trusted.
    func verify(_ request: WebhookRequest) throws
}

extension WebhookSignatureScheme {
    /// No provider, for schemes that are not tied to one.
    public var provider: ProviderID? { nil }
}

/// For providers whose webhooks carry no signature at all (1xGate, the POS API): accepts every request.
///
/// Such a webhook proves nothing — anyone who knows the endpoint URL can send one. Treat it only as a hint that
/// something changed: fetch the payment it names from the provider's API and act on the fetched state, never on the
/// body. The provider modules do exactly this.
public struct UnsignedWebhookScheme: WebhookSignatureScheme, CustomStringConvertible {
    /// Creates the scheme.
    public init() {}

    /// Accepts every request without checking anything; never throws.
    public func verify(_ request: WebhookRequest) throws {}

    /// `UnsignedWebhookScheme`.
    public var description: String { "UnsignedWebhookScheme" }
}
