import CryptoPayCore
import Foundation

/// What sets payments and invoices apart: they share every field but spell their statuses differently.
public protocol UseGatewayCheckoutKind: Sendable {
    /// The statuses of this kind of checkout.
    associatedtype Status: UseGatewayStatus
}

/// A payment or invoice: a hosted page with an address per cryptocurrency, prices and the transactions received
/// (`PaymentResponseSchema`, `InvoiceResponseSchema`). Use it as ``UseGatewayPayment`` or ``UseGatewayInvoice``.
///
/// Every field the document shows is here; those the document's webhook example leaves out are optional, and lists
/// and maps it may leave out are empty then. It encodes back to the provider's fields (see ``encode(to:)``).
public struct UseGatewayCheckout<Kind: UseGatewayCheckoutKind>: Hashable, Sendable, Codable,
    UseGatewayStatusReporting
{
    /// The UUID, used in API paths.
    public var id: String
    /// The resource name (`payment`, `invoice`).
    public var resource: String?
    /// The short code shown on the hosted page (`YJM5BAID`).
    public var code: String
    /// The name given at creation.
    public var name: String
    /// The description given at creation.
    public var description: String?
    /// The merchant's logo.
    public var logoURL: URL?
    /// The merchant's support e-mail address.
    public var supportEmail: String?
    /// The merchant's support Telegram handle.
    public var supportTelegram: String?
    /// The page where the customer pays.
    public var hostedURL: URL?
    /// Where the customer goes after paying.
    public var redirectURL: URL?
    /// Where the customer goes after cancelling.
    public var cancelURL: URL?
    /// When it was created.
    public var createdAt: Date
    /// When the payment window closes.
    public var expiresAt: Date?
    /// When the payment was confirmed; `nil` until then.
    public var confirmedAt: Date?
    /// The status history, oldest first; the last entry is the current status.
    public var timeline: [UseGatewayTimelineEntry]
    /// The merchant's metadata, exactly as stored.
    public var metadata: JSONValue?
    /// The pricing type; invoices have none.
    public var pricingType: UseGatewayPricingType?
    /// The address to pay to, per cryptocurrency.
    public var addresses: [UseGatewayCryptocurrency: String]
    /// The price per pricing key: `local` for the fiat price, and a key per cryptocurrency (`tron`, `bitcoin`,
    /// `litecoin`, `usdt_trc20`).
    public var pricing: [String: Money]
    /// The transactions received.
    public var transactions: [UseGatewayTransaction]
    /// How far a payment may diverge from the price before it is unresolved.
    public var paymentThreshold: UseGatewayPaymentThreshold?

    /// The statuses of `Kind`.
    public typealias Status = Kind.Status

    /// The last timeline entry.
    public var currentStatusEntry: UseGatewayTimelineEntry? { timeline.last }

    /// The fiat price (the `local` pricing entry).
    public var localPrice: Money? { pricing["local"] }

    /// The price in one asset, whatever its pricing key.
    public func price(in asset: Asset) -> Money? {
        pricing.values.first { $0.asset == asset }
    }

    /// Decodes the document's shape; amounts are read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `id`, `code`, `name` or `created_at` is missing or a present
    ///   value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CheckoutCodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        resource = try container.decodeIfPresent(String.self, forKey: .resource)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        logoURL = try container.decodeURLIfPresent(forKey: .logoURL)
        supportEmail = try container.decodeIfPresent(String.self, forKey: .supportEmail)
        supportTelegram = try container.decodeIfPresent(String.self, forKey: .supportTelegram)
        hostedURL = try container.decodeURLIfPresent(forKey: .hostedURL)
        redirectURL = try container.decodeURLIfPresent(forKey: .redirectURL)
        cancelURL = try container.decodeURLIfPresent(forKey: .cancelURL)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        confirmedAt = try container.decodeIfPresent(Date.self, forKey: .confirmedAt)
        timeline = try container.decodeOrEmpty([UseGatewayTimelineEntry].self, forKey: .timeline)
        metadata = try container.decodeIfPresent(JSONValue.self, forKey: .metadata)
        pricingType = try container.decodeIfPresent(UseGatewayPricingType.self, forKey: .pricingType)
        addresses = try container.decodeAddresses(forKey: .addresses)
        pricing = try container.decodeMoneyMap(forKey: .pricing)
        transactions = try container.decodeOrEmpty([UseGatewayTransaction].self, forKey: .transactions)
        paymentThreshold = try container.decodeIfPresent(UseGatewayPaymentThreshold.self, forKey: .paymentThreshold)
    }

    /// Writes the provider's shape with its snake_case keys: amounts as JSON numbers with their exact digits and
    /// UseGateway's currency codes, dates as ISO 8601 text by the encoder's date strategy, statuses as sent. `nil`
    /// values are left out; `timeline`, `addresses`, `pricing` and `transactions` are always written.
    ///
    /// - Throws: `EncodingError.invalidValue` naming the field when an amount is in an asset UseGateway has no code
    ///   for; otherwise whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CheckoutCodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(resource, forKey: .resource)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeURLIfPresent(logoURL, forKey: .logoURL)
        try container.encodeIfPresent(supportEmail, forKey: .supportEmail)
        try container.encodeIfPresent(supportTelegram, forKey: .supportTelegram)
        try container.encodeURLIfPresent(hostedURL, forKey: .hostedURL)
        try container.encodeURLIfPresent(redirectURL, forKey: .redirectURL)
        try container.encodeURLIfPresent(cancelURL, forKey: .cancelURL)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(expiresAt, forKey: .expiresAt)
        try container.encodeIfPresent(confirmedAt, forKey: .confirmedAt)
        try container.encode(timeline, forKey: .timeline)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(pricingType, forKey: .pricingType)
        try container.encodeAddresses(addresses, forKey: .addresses)
        try container.encodeMoneyMap(pricing, forKey: .pricing)
        try container.encode(transactions, forKey: .transactions)
        try container.encodeIfPresent(paymentThreshold, forKey: .paymentThreshold)
    }
}

/// The wire keys of ``UseGatewayCheckout``. Declared outside the generic type so that its keyed containers are
/// concrete types, not instantiated per `Kind` at run time on every field decoded.
private enum CheckoutCodingKeys: String, CodingKey {
    case id, resource, code, name, description, timeline, metadata, addresses, pricing, transactions
    case logoURL = "logo_url"
    case supportEmail = "support_email"
    case supportTelegram = "support_telegram"
    case hostedURL = "hosted_url"
    case redirectURL = "redirect_url"
    case cancelURL = "cancel_url"
    case createdAt = "created_at"
    case expiresAt = "expires_at"
    case confirmedAt = "confirmed_at"
    case pricingType = "pricing_type"
    case paymentThreshold = "payment_threshold"
}

/// Payments: Opened, Completed, Expired, Unresolved, Resolved, Closed.
public enum UseGatewayPaymentKind: UseGatewayCheckoutKind {
    /// ``UseGatewayPaymentStatus``.
    public typealias Status = UseGatewayPaymentStatus
}

/// Invoices: Created/Opened, Viewed, Renewed, Paid, Expired, Unresolved, Resolved, Closed.
public enum UseGatewayInvoiceKind: UseGatewayCheckoutKind {
    /// ``UseGatewayInvoiceStatus``.
    public typealias Status = UseGatewayInvoiceStatus
}

/// A UseGateway payment: the customer pays to an address before the payment expires.
public typealias UseGatewayPayment = UseGatewayCheckout<UseGatewayPaymentKind>

/// A UseGateway invoice: the payment timer starts when the customer first views the hosted page.
public typealias UseGatewayInvoice = UseGatewayCheckout<UseGatewayInvoiceKind>
