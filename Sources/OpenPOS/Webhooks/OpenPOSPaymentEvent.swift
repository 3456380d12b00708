import CryptoPayCore

/// A webhook the provider's API has confirmed: the event, and the payment as CheckPayment reported it.
///
/// Everything here comes from the lookup, never from the webhook body alone: ``type`` is the body's event only
/// because the fetched payment has the status that event implies.
///
/// Encoded with the provider's field names: `{"event", "payment_id", "currency", "address", "payment": {…}}`, where
/// `payment` is the CheckPayment answer.
public struct OpenPOSPaymentEvent: Hashable, Sendable, Codable {
    /// What happened, confirmed by the fetched status.
    public var type: OpenPOSWebhookEventType
    /// The payment the lookup asked about.
    public var reference: OpenPOSPaymentReference
    /// The payment as the provider's CheckPayment reported it.
    public var payment: OpenPOSPaymentCheck

    /// Pairs a confirmed event with the fetched payment.
    public init(type: OpenPOSWebhookEventType, reference: OpenPOSPaymentReference, payment: OpenPOSPaymentCheck) {
        self.type = type
        self.reference = reference
        self.payment = payment
    }

    /// The fetched status.
    public var status: OpenPOSStatus { payment.status }

    enum CodingKeys: String, CodingKey {
        case payment
        case type = "event"
    }

    /// Decodes `{"event", "payment_id", "currency", "address", "payment"}`.
    ///
    /// - Throws: `DecodingError` naming the field when one is missing or malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(OpenPOSWebhookEventType.self, forKey: .type)
        reference = try OpenPOSPaymentReference(from: decoder)
        payment = try container.decode(OpenPOSPaymentCheck.self, forKey: .payment)
    }

    /// Encodes the event name, the payment's reference fields and the CheckPayment answer side by side.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try reference.encode(to: encoder)
        try container.encode(payment, forKey: .payment)
    }
}
