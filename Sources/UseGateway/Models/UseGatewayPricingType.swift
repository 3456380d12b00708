import CryptoPayCore

/// Whether a payment has a fixed price (the document's `PricingType`), kept open.
public enum UseGatewayPricingType: OpenEnumeration {
    /// `fixed_price`: the customer pays the local price.
    case fixedPrice
    /// `no_price`: the customer chooses the amount.
    case noPrice
    /// A value the document does not list, as sent.
    case unknown(String)

    /// The documented values.
    public static let documented: [UseGatewayPricingType] = [.fixedPrice, .noPrice]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .fixedPrice: "fixed_price"
        case .noPrice: "no_price"
        case .unknown(let value): value
        }
    }

}
