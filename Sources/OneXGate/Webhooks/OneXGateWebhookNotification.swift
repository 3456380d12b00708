import CryptoPayCore
import Foundation

/// The body of a 1xGate webhook: `{_id, type, status, modifiedAt, amount, amountPaid, currency, network}`.
///
/// 1xGate does not sign its webhooks, so these are only claims: anyone who knows the webhook URL can send them.
/// ``OneXGateWebhook`` reads them, fetches the payment they name and checks them against it; act on its result, never
/// on the body. Internal on purpose: nothing from the body reaches callers unless the fetch confirmed it.
struct OneXGateWebhookNotification: Hashable, Sendable, Codable {
    /// The payment id the notification is about (`_id`).
    var paymentID: String
    /// What kind of object changed (`payment`).
    var type: OneXGateWebhookType?
    /// The status claimed, as sent, with its unified status.
    var status: OneXGateStatus
    /// When the status was claimed to change.
    var modifiedAt: Date?
    /// The amount claimed, in ``currency``.
    var amount: Decimal
    /// The amount claimed to have been paid.
    var amountPaid: Decimal?
    /// The currency claimed.
    var currency: OneXGateCurrency
    /// The network claimed.
    var network: OneXGateNetwork

    private enum CodingKeys: String, CodingKey {
        case type, status, modifiedAt, amount, amountPaid, currency, network
        case paymentID = "_id"
    }

    /// Decodes the document's shape; amounts are read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `_id`, `status`, `amount`, `currency` or `network` is missing,
    ///   or a present value has the wrong type.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        paymentID = try container.decode(String.self, forKey: .paymentID)
        type = try container.decodeIfPresent(OneXGateWebhookType.self, forKey: .type)
        status = try container.decode(OneXGateStatus.self, forKey: .status)
        modifiedAt = try container.decodeTimestampIfPresent(forKey: .modifiedAt)
        amount = try container.decodeDecimal(forKey: .amount)
        amountPaid = try container.decodeDecimalIfPresent(forKey: .amountPaid)
        currency = try container.decode(OneXGateCurrency.self, forKey: .currency)
        network = try container.decode(OneXGateNetwork.self, forKey: .network)
    }

    /// Encodes the provider's field names; `nil` values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(paymentID, forKey: .paymentID)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encode(status, forKey: .status)
        try container.encodeDateIfPresent(modifiedAt, forKey: .modifiedAt, milliseconds: true)
        try container.encodeDecimalIfPresent(amount, forKey: .amount)
        try container.encodeDecimalIfPresent(amountPaid, forKey: .amountPaid)
        try container.encode(currency, forKey: .currency)
        try container.encode(network, forKey: .network)
    }
}

/// What kind of object a webhook is about, kept open.
public enum OneXGateWebhookType: OpenEnumeration {
    /// `payment`.
    case payment
    /// A type the document does not list, as sent.
    case unknown(String)

    /// The documented values.
    public static let documented: [OneXGateWebhookType] = [.payment]

    /// The wire value.
    public var rawValue: String {
        switch self {
        case .payment: "payment"
        case .unknown(let value): value
        }
    }
}
