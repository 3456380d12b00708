import CryptoPayCore

/// A webhook the provider's API has confirmed: the event, and the payment as CheckPayment reported it.
///
/// Everything here comes from the lookup, never from the webhook body alone: ``type`` is the body's event only
/// because the fetched payment has the status that event implies.
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
    public var status: ProviderStatus { payment.status }
}
