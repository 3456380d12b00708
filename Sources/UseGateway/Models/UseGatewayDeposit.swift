import CryptoPayCore
import Foundation

/// A deposit: permanent addresses tied to one of the merchant's users on one site, replenished by any number of
/// transactions (`DepositResponseSchema`). A P2P deposit (``isP2P``) is the same object whose hosted page offers
/// peer-to-peer exchangers. It encodes back to the provider's fields (see ``encode(to:)``).
public struct UseGatewayDeposit: Hashable, Sendable, Codable, UseGatewayStatusReporting {
    /// The UUID, used in API paths.
    public var id: String
    /// The resource name (`deposit`).
    public var resource: String?
    /// The short code shown on the hosted page.
    public var code: String
    /// The merchant's identifier of the user.
    public var userID: String
    /// The site the user belongs to.
    public var site: String
    /// The name given at creation.
    public var name: String?
    /// The description given at creation.
    public var description: String?
    /// True for a P2P deposit.
    public var isP2P: Bool?
    /// The user's local currency.
    public var localCurrency: UseGatewayCurrency?
    /// The price in the local currency, when one was given.
    public var localPrice: Money?
    /// The merchant's logo.
    public var logoURL: URL?
    /// The merchant's support e-mail address.
    public var supportEmail: String?
    /// The merchant's support Telegram handle.
    public var supportTelegram: String?
    /// The page where the user pays.
    public var hostedURL: URL?
    /// When it was created.
    public var createdAt: Date
    /// The status history, oldest first; the last entry is the current status.
    public var timeline: [UseGatewayTimelineEntry]
    /// The merchant's metadata, exactly as stored.
    public var metadata: JSONValue?
    /// The address to pay to, per cryptocurrency.
    public var addresses: [UseGatewayCryptocurrency: String]
    /// The replenishments received.
    public var transactions: [UseGatewayTransaction]

    /// A deposit's statuses.
    public typealias Status = UseGatewayDepositStatus

    /// The last timeline entry.
    public var currentStatusEntry: UseGatewayTimelineEntry? { timeline.last }

    private enum CodingKeys: String, CodingKey {
        case id, resource, code, site, name, description, timeline, metadata, addresses, transactions
        case userID = "user_id"
        case isP2P = "is_p2p"
        case localCurrency = "local_currency"
        case localPrice = "local_price"
        case logoURL = "logo_url"
        case supportEmail = "support_email"
        case supportTelegram = "support_telegram"
        case hostedURL = "hosted_url"
        case createdAt = "created_at"
    }

    /// Decodes the document's shape; amounts are read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `id`, `code`, `user_id`, `site` or `created_at` is missing or
    ///   a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        resource = try container.decodeIfPresent(String.self, forKey: .resource)
        code = try container.decode(String.self, forKey: .code)
        userID = try container.decode(String.self, forKey: .userID)
        site = try container.decode(String.self, forKey: .site)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        isP2P = try container.decodeIfPresent(Bool.self, forKey: .isP2P)
        localCurrency = try container.decodeIfPresent(UseGatewayCurrency.self, forKey: .localCurrency)
        localPrice = try container.decodeMoneyIfPresent(forKey: .localPrice)
        logoURL = try container.decodeURLIfPresent(forKey: .logoURL)
        supportEmail = try container.decodeIfPresent(String.self, forKey: .supportEmail)
        supportTelegram = try container.decodeIfPresent(String.self, forKey: .supportTelegram)
        hostedURL = try container.decodeURLIfPresent(forKey: .hostedURL)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        timeline = try container.decodeOrEmpty([UseGatewayTimelineEntry].self, forKey: .timeline)
        metadata = try container.decodeIfPresent(JSONValue.self, forKey: .metadata)
        addresses = try container.decodeAddresses(forKey: .addresses)
        transactions = try container.decodeOrEmpty([UseGatewayTransaction].self, forKey: .transactions)
    }

    /// Writes the provider's shape with its snake_case keys: amounts as JSON numbers with their exact digits and
    /// UseGateway's currency codes, dates as ISO 8601 text by the encoder's date strategy, statuses as sent. `nil`
    /// values are left out; `timeline`, `addresses` and `transactions` are always written.
    ///
    /// - Throws: `EncodingError.invalidValue` naming the field when an amount is in an asset UseGateway has no code
    ///   for; otherwise whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(resource, forKey: .resource)
        try container.encode(code, forKey: .code)
        try container.encode(userID, forKey: .userID)
        try container.encode(site, forKey: .site)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(isP2P, forKey: .isP2P)
        try container.encodeIfPresent(localCurrency, forKey: .localCurrency)
        try container.encodeMoneyIfPresent(localPrice, forKey: .localPrice)
        try container.encodeURLIfPresent(logoURL, forKey: .logoURL)
        try container.encodeIfPresent(supportEmail, forKey: .supportEmail)
        try container.encodeIfPresent(supportTelegram, forKey: .supportTelegram)
        try container.encodeURLIfPresent(hostedURL, forKey: .hostedURL)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(timeline, forKey: .timeline)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeAddresses(addresses, forKey: .addresses)
        try container.encode(transactions, forKey: .transactions)
    }
}
