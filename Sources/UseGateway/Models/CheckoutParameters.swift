import CryptoPayCore
import Foundation

/// What to create a payment with (`PaymentPayloadSchema`).
public struct UseGatewayPaymentParameters: Hashable, Sendable {
    /// The payment's name, shown to the customer: required, at most 255 characters.
    public var name: String
    /// The pricing type and the local (fiat) price.
    public var pricing: UseGatewayPaymentPricing
    /// A longer description, at most 255 characters.
    public var description: String?
    /// Your own key-value pairs, returned with the payment and its webhooks.
    public var metadata: JSONObject?
    /// Where the customer goes after paying.
    public var redirectURL: URL?
    /// Where the customer goes after cancelling.
    public var cancelURL: URL?

    /// Creates parameters.
    public init(
        name: String,
        pricing: UseGatewayPaymentPricing,
        description: String? = nil,
        metadata: JSONObject? = nil,
        redirectURL: URL? = nil,
        cancelURL: URL? = nil
    ) {
        self.name = name
        self.pricing = pricing
        self.description = description
        self.metadata = metadata
        self.redirectURL = redirectURL
        self.cancelURL = cancelURL
    }

    func body() throws -> CheckoutBody {
        let (type, price) =
            switch pricing {
            case .fixed(let price): (UseGatewayPricingType.fixedPrice, price)
            case .noPrice(let price): (UseGatewayPricingType.noPrice, price)
            }
        return try CheckoutBody(
            name: name,
            description: description,
            pricingType: type,
            price: price,
            metadata: metadata,
            redirectURL: redirectURL,
            cancelURL: cancelURL
        )
    }
}

/// A payment's pricing type with its local price.
public enum UseGatewayPaymentPricing: Hashable, Sendable {
    /// `fixed_price`: the customer pays this amount of a fiat currency, converted to the cryptocurrency chosen.
    case fixed(Money)
    /// `no_price`: the customer chooses the amount. The document still requires a local price for this type; it
    /// sets the fiat currency amounts are reported in.
    case noPrice(Money)
}

/// What to create an invoice with (`InvoicePayloadSchema`).
public struct UseGatewayInvoiceParameters: Hashable, Sendable {
    /// The invoice's name: required, at most 255 characters.
    public var name: String
    /// The price in a fiat currency; must be greater than zero.
    public var price: Money
    /// A longer description, at most 255 characters.
    public var description: String?
    /// Your own key-value pairs, returned with the invoice and its webhooks.
    public var metadata: JSONObject?
    /// Where the customer goes after paying.
    public var redirectURL: URL?
    /// Where the customer goes after cancelling.
    public var cancelURL: URL?

    /// Creates parameters.
    public init(
        name: String,
        price: Money,
        description: String? = nil,
        metadata: JSONObject? = nil,
        redirectURL: URL? = nil,
        cancelURL: URL? = nil
    ) {
        self.name = name
        self.price = price
        self.description = description
        self.metadata = metadata
        self.redirectURL = redirectURL
        self.cancelURL = cancelURL
    }

    func body() throws -> CheckoutBody {
        try CheckoutBody(
            name: name,
            description: description,
            pricingType: nil,
            price: price,
            metadata: metadata,
            redirectURL: redirectURL,
            cancelURL: cancelURL
        )
    }
}

/// The JSON body of payment and invoice creation under UseGateway's field names: the parameters of
/// `payments.create` and `invoices.create`.
struct CheckoutBody: Codable, Sendable, OperationParameters {
    var name: String
    var description: String?
    var pricingType: String?
    var localPrice: WireMoney
    var metadata: JSONValue?
    var redirectURL: String?
    var cancelURL: String?

    init(
        name: String,
        description: String?,
        pricingType: UseGatewayPricingType?,
        price: Money,
        metadata: JSONObject?,
        redirectURL: URL?,
        cancelURL: URL?
    ) throws {
        self.name = name
        self.description = description
        self.pricingType = pricingType?.rawValue
        self.localPrice = try Validation.wire(price, in: UseGatewayCurrency.self, field: "local_price")
        self.metadata = metadata.map(JSONValue.object)
        self.redirectURL = redirectURL?.absoluteString
        self.cancelURL = cancelURL?.absoluteString
    }

    /// Checks the name, description, pricing type and price against the document.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` naming the field.
    func validated() throws -> Self {
        _ = try Validation.required(name, field: "name")
        _ = try Validation.limited(description, field: "description")
        try FieldRules.documented(pricingType, as: UseGatewayPricingType.self, field: "pricing_type")
        try Validation.amount(localPrice, in: UseGatewayCurrency.self, field: "local_price")
        return self
    }

    private enum CodingKeys: String, CodingKey {
        case name, description, metadata
        case pricingType = "pricing_type"
        case localPrice = "local_price"
        case redirectURL = "redirect_url"
        case cancelURL = "cancel_url"
    }
}
