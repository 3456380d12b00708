import Foundation

/// What a merchant means by "take this payment", independent of provider: each ``PaymentProvider`` maps it onto its
/// own create call and refuses, before sending, what it cannot express.
public struct CheckoutRequest: Sendable, Hashable {
    /// The amount to charge, in fiat (`Money("10.00", .usd)`) or crypto (`Money("25", .usdtTron)`).
    public var amount: Money
    /// The asset the payer pays in, when it differs from ``amount``'s (a fiat price paid in USDT); `nil` lets the
    /// provider or the payer choose where the provider allows it.
    public var payAsset: Asset?
    /// Your order reference: sent where the provider keeps one, and the key to look a checkout up by after an
    /// "outcome unknown" failure.
    public var orderReference: String
    /// A description shown to the payer.
    public var description: String?
    /// The payer's e-mail address.
    public var payerEmail: String?
    /// Where the payer goes after paying.
    public var successURL: URL?
    /// Where the payer goes after cancelling or failing.
    public var cancelURL: URL?
    /// Where the provider posts webhooks for this checkout, for providers that take it per checkout.
    public var callbackURL: URL?
    /// How long the payer has to pay, for providers that take it.
    public var expiresIn: Duration?
    /// Your own key-value pairs, for providers that store them.
    public var metadata: JSONObject

    /// Creates a request.
    public init(
        amount: Money,
        payAsset: Asset? = nil,
        orderReference: String,
        description: String? = nil,
        payerEmail: String? = nil,
        successURL: URL? = nil,
        cancelURL: URL? = nil,
        callbackURL: URL? = nil,
        expiresIn: Duration? = nil,
        metadata: JSONObject = [:]
    ) {
        self.amount = amount
        self.payAsset = payAsset
        self.orderReference = orderReference
        self.description = description
        self.payerEmail = payerEmail
        self.successURL = successURL
        self.cancelURL = cancelURL
        self.callbackURL = callbackURL
        self.expiresIn = expiresIn
        self.metadata = metadata
    }
}
