import CryptoPayCore
import Foundation

/// A webhook body as the provider posts it: `{event, payment_id, pos_id, status, amount, currency, timestamp}`.
///
/// The webhook is unsigned, so nothing in this value may be trusted on its own: it only says which payment to ask
/// the provider about.
public struct OpenPOSWebhookEvent: Hashable, Sendable, Codable {
    /// What happened.
    public var type: OpenPOSWebhookEventType
    /// The payment the event is about.
    public var paymentID: String
    /// The point of service the payment belongs to.
    public var posID: String?
    /// The status, as sent (`confirmed`).
    public var status: String?
    /// The amount, in the cryptocurrency.
    public var amount: Decimal?
    /// The cryptocurrency symbol.
    public var currency: String?
    /// When the event happened.
    public var timestamp: Date?

    enum CodingKeys: String, CodingKey {
        case status, amount, currency, timestamp
        case type = "event"
        case paymentID = "payment_id"
        case posID = "pos_id"
    }

    /// Decodes the document's shape; the amount is read exactly.
    ///
    /// - Throws: `DecodingError` naming the field when `event` or `payment_id` is missing, or a present value is
    ///   malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(OpenPOSWebhookEventType.self, forKey: .type)
        paymentID = try container.decode(String.self, forKey: .paymentID)
        posID = try container.decodeIfPresent(String.self, forKey: .posID)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        amount = try container.decodePOSAmountIfPresent(forKey: .amount)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        timestamp = try container.decodePOSDateIfPresent(forKey: .timestamp)
    }

    /// Encodes the provider's field names, the amount as a decimal string and the timestamp in ISO 8601.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(paymentID, forKey: .paymentID)
        try container.encodeIfPresent(posID, forKey: .posID)
        try container.encodeIfPresent(status, forKey: .status)
        try container.encodePOSAmountIfPresent(amount, forKey: .amount)
        try container.encodeIfPresent(currency, forKey: .currency)
        try container.encodeIfPresent(timestamp.map(DateCoding.format), forKey: .timestamp)
    }
}

/// The webhook events the document lists, kept open: another event decodes as ``unknown(_:)``.
public enum OpenPOSWebhookEventType: OpenEnumeration {
    /// `payment.confirmed`: the payment has been confirmed.
    case paymentConfirmed
    /// `payment.cancelled`: the payment has been cancelled.
    case paymentCancelled
    /// `payment.underpaid`: a payment arrived but for less than expected.
    case paymentUnderpaid
    /// `payment.refunded`: the payment has been refunded.
    case paymentRefunded
    /// An event the document does not list, as sent.
    case unknown(String)

    /// The documented events, in the document's order.
    public static let documented: [OpenPOSWebhookEventType] = [
        .paymentConfirmed, .paymentCancelled, .paymentUnderpaid, .paymentRefunded,
    ]

    /// The event name as sent.
    public var rawValue: String {
        switch self {
        case .paymentConfirmed: "payment.confirmed"
        case .paymentCancelled: "payment.cancelled"
        case .paymentUnderpaid: "payment.underpaid"
        case .paymentRefunded: "payment.refunded"
        case .unknown(let name): name
        }
    }

    /// The unified status a payment must have for the event to be true; `nil` for an undocumented event.
    public var impliedStatus: PaymentStatus? {
        switch self {
        case .paymentConfirmed: .paid
        case .paymentCancelled: .cancelled
        case .paymentUnderpaid: .partiallyPaid
        case .paymentRefunded: .refunded
        case .unknown: nil
        }
    }
}
