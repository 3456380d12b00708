/// Whether a payment has a fixed price (the document's `PricingType`), kept open.
public enum UseGatewayPricingType: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `fixed_price`: the customer pays the local price.
    case fixedPrice
    /// `no_price`: the customer chooses the amount.
    case noPrice
    /// A value the document does not list, as sent.
    case unknown(String)

    /// Reads the wire value; undocumented values become ``unknown(_:)``.
    public init(rawValue: String) {
        switch rawValue {
        case "fixed_price": self = .fixedPrice
        case "no_price": self = .noPrice
        default: self = .unknown(rawValue)
        }
    }

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .fixedPrice: "fixed_price"
        case .noPrice: "no_price"
        case .unknown(let value): value
        }
    }

    /// The wire value.
    public var description: String { rawValue }

    /// Decodes the wire value.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire value.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
