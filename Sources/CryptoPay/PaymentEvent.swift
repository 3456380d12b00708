import Foundation

/// An authenticated webhook from any provider, in one shape.
public struct PaymentEvent: Sendable, CustomStringConvertible {
    /// The provider that sent it.
    public var provider: ProviderID
    /// The key to process this event once, the same for every delivery of one change. Always derived from
    /// authenticated content — a signed delivery id, the signed body, or the state fetched from the provider for
    /// unsigned webhooks — never from an unsigned header, so a replayed delivery cannot get a fresh key. Record it
    /// durably with the event's effect.
    public var idempotencyKey: String
    /// The checkout (payment or invoice) the event is about.
    public var checkoutID: String
    /// The checkout's unified status as the event reports it (for lookup-authenticated providers: as fetched).
    public var status: PaymentStatus
    /// The provider's status exactly as sent, for logs and support; for an event that is not about a payment's
    /// status, the provider's event name.
    public var providerStatus: String
    /// What was asked for, when the event says.
    public var requested: Money?
    /// What has arrived, when the event says.
    public var paid: Money?
    /// How the webhook was authenticated.
    public var authentication: WebhookAuthentication
    /// The checkout as the event describes it, when the event carries a whole payment or invoice.
    public var checkout: Checkout?
    /// The provider module's own event (`UseGatewayWebhookEvent`, the fetched `OneXGatePayment`, …).
    public var native: any Sendable

    /// Creates an event.
    public init(
        provider: ProviderID,
        idempotencyKey: String,
        checkoutID: String,
        status: PaymentStatus,
        providerStatus: String,
        requested: Money? = nil,
        paid: Money? = nil,
        authentication: WebhookAuthentication,
        checkout: Checkout? = nil,
        native: any Sendable
    ) {
        self.provider = provider
        self.idempotencyKey = idempotencyKey
        self.checkoutID = checkoutID
        self.status = status
        self.providerStatus = providerStatus
        self.requested = requested
        self.paid = paid
        self.authentication = authentication
        self.checkout = checkout
        self.native = native
    }

    /// Builds an event about a whole checkout.
    public init(
        checkout: Checkout,
        idempotencyKey: String,
        authentication: WebhookAuthentication,
        native: any Sendable
    ) {
        self.init(
            provider: checkout.provider,
            idempotencyKey: idempotencyKey,
            checkoutID: checkout.id,
            status: checkout.status,
            providerStatus: checkout.providerStatus,
            requested: checkout.requested,
            paid: checkout.paid,
            authentication: authentication,
            checkout: checkout,
            native: native
        )
    }

    /// The provider module's own event as `type`, or `nil` when it is another type.
    public func native<Native>(as type: Native.Type) -> Native? {
        native as? Native
    }

    /// `onexgate p1 paid (success) by lookup`.
    public var description: String {
        "\(provider) \(checkoutID) \(status) (\(providerStatus)) by \(authentication)"
    }
}
