import CryptoPayCore
import Foundation

/// A 1xGate payment, as `payments.create` and `payments.retrieve` return it (inside the `data` envelope).
///
/// Every field the document shows is here. Only `_id`, `currency`, `network`, `amount` and `status` are required;
/// the rest are optional, because the create and get examples already differ in which they send. Amounts are exact.
/// Encoding writes the provider's field names back, with `null` values left out.
public struct OneXGatePayment: Hashable, Sendable, Codable {
    /// The payment id (`_id`), used in `GET /v1/integrations/payments/{paymentId}`.
    public var id: String
    /// The id of the 1xGate user who owns the merchant.
    public var userID: String?
    /// The IP address the payment was created from.
    public var ip: String?
    /// The merchant's id.
    public var merchantID: String?
    /// The currency to pay in.
    public var currency: OneXGateCurrency
    /// The network to pay on.
    public var network: OneXGateNetwork
    /// The address to pay to; `null` until the customer picks the currency on the payment page.
    public var address: String?
    /// The memo (destination tag) some networks need with the address.
    public var memo: String?
    /// The amount requested, in ``currency``.
    public var amount: Decimal
    /// The requested amount in US dollars, at ``priceUnit``.
    public var amountUSD: Decimal?
    /// The amount received so far, in ``currency``.
    public var amountPaid: Decimal?
    /// The amount received so far in US dollars.
    public var amountPaidUSD: Decimal?
    /// The price of one unit of ``currency`` in US dollars when the payment was created.
    public var priceUnit: Decimal?
    /// 1xGate's fee.
    public var wage: Decimal?
    /// The merchant's order id, unique per payment.
    public var orderID: String?
    /// How the payment was created (`external` for the integration API).
    public var type: OneXGatePaymentType?
    /// The status as sent, with its unified status.
    public var status: OneXGateStatus
    /// The description given at creation.
    public var description: String?
    /// The merchant's id for the payer.
    public var merchantUserID: String?
    /// The merchant's e-mail address for the payer.
    public var merchantUserEmail: String?
    /// The blockchain transactions received. The document shows only an empty list, so each is kept as JSON.
    public var transactions: [JSONValue]?
    /// Whether the allocated address is still reserved for this payment.
    public var inUse: Bool?
    /// When the allocated address expires.
    public var expiresAt: Date?
    /// How 1xGate's last webhook delivery for this payment went.
    public var hook: OneXGatePaymentHook?
    /// Where the customer is sent after paying or failing.
    public var callbacks: OneXGateCallbacks?
    /// Extra data 1xGate keeps with the payment, exactly as sent.
    public var meta: JSONValue?
    /// When the payment last changed.
    public var updatedAt: Date?
    /// When the payment was created.
    public var createdAt: Date?
    /// The payment page to send the customer to.
    public var link: URL?

    /// The asset paid in.
    public var asset: Asset { OneXGateAssetMapping.asset(currency: currency, network: network) }

    /// The amount requested.
    public var requested: Money { Money(amount, asset) }

    /// The amount received so far, when 1xGate sent it.
    public var paid: Money? { amountPaid.map { Money($0, asset) } }

    /// What is still to pay: `amount − amountPaid`, never below zero. For a `partiallyPaid` payment this is the
    /// shortfall the merchant may ask the customer to send.
    public var amountDue: Money {
        let due = amount - (amountPaid ?? 0)
        return Money(due > 0 ? due : 0, asset)
    }

    private enum CodingKeys: String, CodingKey {
        case ip, currency, network, address, memo, amount, amountPaid, priceUnit, wage, type, status, description
        case merchantUserEmail, transactions, inUse, hook, callbacks, meta, updatedAt, createdAt, link
        case id = "_id"
        case userID = "userId"
        case merchantID = "merchantId"
        case amountUSD = "amountUsd"
        case amountPaidUSD = "amountPaidUsd"
        case orderID = "orderId"
        case merchantUserID = "merchantUserId"
        case expiresAt = "expireAt"
    }

    /// Decodes the document's shape; amounts are read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `_id`, `currency`, `network`, `amount` or `status` is missing,
    ///   or a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        userID = try container.decodeIfPresent(String.self, forKey: .userID)
        ip = try container.decodeIfPresent(String.self, forKey: .ip)
        merchantID = try container.decodeIfPresent(String.self, forKey: .merchantID)
        currency = try container.decode(OneXGateCurrency.self, forKey: .currency)
        network = try container.decode(OneXGateNetwork.self, forKey: .network)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        memo = try container.decodeIfPresent(String.self, forKey: .memo)
        amount = try container.decodeDecimal(forKey: .amount)
        amountUSD = try container.decodeDecimalIfPresent(forKey: .amountUSD)
        amountPaid = try container.decodeDecimalIfPresent(forKey: .amountPaid)
        amountPaidUSD = try container.decodeDecimalIfPresent(forKey: .amountPaidUSD)
        priceUnit = try container.decodeDecimalIfPresent(forKey: .priceUnit)
        wage = try container.decodeDecimalIfPresent(forKey: .wage)
        orderID = try container.decodeIfPresent(String.self, forKey: .orderID)
        type = try container.decodeIfPresent(OneXGatePaymentType.self, forKey: .type)
        status = try container.decode(OneXGateStatus.self, forKey: .status)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        merchantUserID = try container.decodeIfPresent(String.self, forKey: .merchantUserID)
        merchantUserEmail = try container.decodeIfPresent(String.self, forKey: .merchantUserEmail)
        transactions = try container.decodeIfPresent([JSONValue].self, forKey: .transactions)
        inUse = try container.decodeIfPresent(Bool.self, forKey: .inUse)
        expiresAt = try container.decodeTimestampIfPresent(forKey: .expiresAt)
        hook = try container.decodeIfPresent(OneXGatePaymentHook.self, forKey: .hook)
        callbacks = try container.decodeIfPresent(OneXGateCallbacks.self, forKey: .callbacks)
        meta = try container.decodeIfPresent(JSONValue.self, forKey: .meta)
        updatedAt = try container.decodeTimestampIfPresent(forKey: .updatedAt)
        createdAt = try container.decodeTimestampIfPresent(forKey: .createdAt)
        link = try container.decodeURLIfPresent(forKey: .link)
    }

    /// Encodes the provider's field names, amounts as exact JSON numbers and dates as 1xGate writes them; `nil`
    /// values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(userID, forKey: .userID)
        try container.encodeIfPresent(ip, forKey: .ip)
        try container.encodeIfPresent(merchantID, forKey: .merchantID)
        try container.encode(currency, forKey: .currency)
        try container.encode(network, forKey: .network)
        try container.encodeIfPresent(address, forKey: .address)
        try container.encodeIfPresent(memo, forKey: .memo)
        try container.encodeDecimalIfPresent(amount, forKey: .amount)
        try container.encodeDecimalIfPresent(amountUSD, forKey: .amountUSD)
        try container.encodeDecimalIfPresent(amountPaid, forKey: .amountPaid)
        try container.encodeDecimalIfPresent(amountPaidUSD, forKey: .amountPaidUSD)
        try container.encodeDecimalIfPresent(priceUnit, forKey: .priceUnit)
        try container.encodeDecimalIfPresent(wage, forKey: .wage)
        try container.encodeIfPresent(orderID, forKey: .orderID)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(merchantUserID, forKey: .merchantUserID)
        try container.encodeIfPresent(merchantUserEmail, forKey: .merchantUserEmail)
        try container.encodeIfPresent(transactions, forKey: .transactions)
        try container.encodeIfPresent(inUse, forKey: .inUse)
        try container.encodeDateIfPresent(expiresAt, forKey: .expiresAt, milliseconds: true)
        try container.encodeIfPresent(hook, forKey: .hook)
        try container.encodeIfPresent(callbacks, forKey: .callbacks)
        try container.encodeIfPresent(meta, forKey: .meta)
        try container.encodeDateIfPresent(updatedAt, forKey: .updatedAt, milliseconds: true)
        try container.encodeDateIfPresent(createdAt, forKey: .createdAt, milliseconds: true)
        try container.encodeURLIfPresent(link, forKey: .link)
    }
}

/// How a payment was created, kept open.
public enum OneXGatePaymentType: OpenEnumeration {
    /// `external`: created through the integration API.
    case external
    /// A type the document does not show, as sent.
    case unknown(String)

    /// The documented values.
    public static let documented: [OneXGatePaymentType] = [.external]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .external: "external"
        case .unknown(let value): value
        }
    }
}
