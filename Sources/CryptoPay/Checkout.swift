import Foundation

/// A payment or invoice at any provider, in one shape: what was asked, what arrived, where to pay, and the
/// provider's own object for everything else.
public struct Checkout: Sendable, CustomStringConvertible {
    /// The provider's id of the payment or invoice.
    public var id: String
    /// The provider.
    public var provider: ProviderID
    /// The unified status: switch on this.
    public var status: PaymentStatus
    /// The provider's status exactly as sent (`Completed`, `Unresolved (Underpaid)`), for logs and support; empty
    /// when the provider's object has none.
    public var providerStatus: String
    /// What was asked for; `nil` when the provider's object does not say (never a made-up amount: compare what
    /// arrived against your order's own price then).
    public var requested: Money?
    /// What has arrived so far, when the provider reports it.
    public var paid: Money?
    /// The address to pay to, when the provider gives one directly.
    public var payAddress: String?
    /// The asset to pay in at ``payAddress``.
    public var payAsset: Asset?
    /// The provider's hosted payment page, when it has one.
    public var paymentURL: URL?
    /// When the payment window closes, when known.
    public var expiresAt: Date?
    /// The provider module's own object (`UseGatewayPayment`, `OneXGatePayment`, …); see ``native(as:)``.
    public var native: any Sendable

    /// Creates a checkout.
    public init(
        id: String,
        provider: ProviderID,
        status: PaymentStatus,
        providerStatus: String,
        requested: Money?,
        paid: Money? = nil,
        payAddress: String? = nil,
        payAsset: Asset? = nil,
        paymentURL: URL? = nil,
        expiresAt: Date? = nil,
        native: any Sendable
    ) {
        self.id = id
        self.provider = provider
        self.status = status
        self.providerStatus = providerStatus
        self.requested = requested
        self.paid = paid
        self.payAddress = payAddress
        self.payAsset = payAsset
        self.paymentURL = paymentURL
        self.expiresAt = expiresAt
        self.native = native
    }

    /// The provider's own object as `type`, or `nil` when it is another type.
    public func native<Native>(as type: Native.Type) -> Native? {
        native as? Native
    }

    /// `usegateway 497f… paid (Completed) 10 USD` (`requested unknown` without a requested amount).
    public var description: String {
        "\(provider) \(id) \(status) (\(providerStatus)) \(requested.map(\.description) ?? "requested unknown")"
    }
}
