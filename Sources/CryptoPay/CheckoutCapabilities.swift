import Foundation

/// What a ``PaymentProvider``'s ``PaymentProvider/createCheckout(_:)`` accepts, known before calling: checkout code
/// reads it to build a ``CheckoutRequest`` the provider takes instead of learning from an `invalidRequest`.
///
/// Each value agrees with the adapter's field table: a field marked ``Support/unsupported`` is refused naming it,
/// a ``Support/required`` one is refused when missing, an expiry outside ``expiry`` is refused.
public struct CheckoutCapabilities: Sendable, Hashable {
    /// Whether a ``CheckoutRequest`` field may, may not or must be set.
    public enum Support: Sendable, Hashable {
        /// Refused when set: the provider has nowhere to put it.
        case unsupported
        /// Taken when set.
        case optional
        /// Refused when missing.
        case required

        /// Whether the provider takes the field when it is set.
        public var isAccepted: Bool { self != .unsupported }
    }

    /// Whether a price may be in a fiat currency (`Asset.isFiat`); the provider then converts it into
    /// ``payAssets``.
    public var fiatPrices: Bool
    /// The crypto assets a price may be in; such a checkout is paid in the price's own asset (the provider
    /// converts nothing between cryptocurrencies). Empty when prices must be fiat.
    public var cryptoPrices: [Asset]
    /// The assets a payer can pay a fiat price in (``CheckoutRequest/payAsset``), as the provider's documents list
    /// them. Empty when the provider takes no fiat prices.
    public var payAssets: [Asset]
    /// ``CheckoutRequest/payAsset`` for a fiat price: `required` when the provider must be told the crypto to
    /// quote, `optional` when the payer may choose. For a crypto price it may only repeat the price's asset.
    public var payAsset: Support
    /// ``CheckoutRequest/description``.
    public var description: Support
    /// ``CheckoutRequest/payerEmail``.
    public var payerEmail: Support
    /// ``CheckoutRequest/successURL``.
    public var successURL: Support
    /// ``CheckoutRequest/cancelURL``.
    public var cancelURL: Support
    /// ``CheckoutRequest/callbackURL``.
    public var callbackURL: Support
    /// ``CheckoutRequest/metadata`` (unsupported: it must be empty).
    public var metadata: Support
    /// The ``CheckoutRequest/expiresIn`` values taken, or `nil` when the provider sets the expiry itself (or has
    /// none) and refuses one. Inside the range the provider's granularity applies (whole minutes at Store Gateway,
    /// whole seconds at the USDT invoice API).
    public var expiry: ClosedRange<Duration>?
    /// Whether ``PaymentProvider/cancelCheckout(id:)`` can cancel an unpaid checkout (otherwise it throws
    /// `invalidRequest` and the checkout runs out on its own).
    public var canCancel: Bool

    /// Creates a description of what a provider accepts.
    public init(
        fiatPrices: Bool,
        cryptoPrices: [Asset],
        payAssets: [Asset],
        payAsset: Support,
        description: Support,
        payerEmail: Support,
        successURL: Support,
        cancelURL: Support,
        callbackURL: Support,
        metadata: Support,
        expiry: ClosedRange<Duration>?,
        canCancel: Bool
    ) {
        self.fiatPrices = fiatPrices
        self.cryptoPrices = cryptoPrices
        self.payAssets = payAssets
        self.payAsset = payAsset
        self.description = description
        self.payerEmail = payerEmail
        self.successURL = successURL
        self.cancelURL = cancelURL
        self.callbackURL = callbackURL
        self.metadata = metadata
        self.expiry = expiry
        self.canCancel = canCancel
    }

    /// Whether a price in `asset` is taken: a fiat currency when ``fiatPrices``, or one of ``cryptoPrices``.
    public func acceptsPrice(in asset: Asset) -> Bool {
        asset.isFiat ? fiatPrices : cryptoPrices.contains(asset)
    }
}
