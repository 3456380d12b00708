import CryptoPayCore
import Foundation

/// A webhook delivery from Store Gateway.
///
/// Payment notifications are `{type, event, payment}` with the payment object of **Create Payment API**. The
/// document also shows dedicate notifications: a dedicated-address object on its own, without an envelope (then
/// ``type`` and ``event`` are `nil`). Anything else, including an event the document does not list, is kept as
/// the JSON received.
public struct StoreGatewayWebhookEvent: Hashable, Sendable, Codable {
    /// The envelope's `type` (`notification`); `nil` for a dedicate notification.
    public var type: String?
    /// What happened; `nil` for a dedicate notification.
    public var event: StoreGatewayWebhookEventType?
    /// The object the delivery is about.
    public var payload: Payload

    /// The object a delivery carries.
    public enum Payload: Hashable, Sendable {
        /// The payment of a `payment.open`, `payment.complete` or `payment.cancel` event.
        case payment(StoreGatewayPayment)
        /// A dedicate notification's dedicated address.
        case dedicatedAddress(StoreGatewayDedicatedAddress)
        /// The whole body of a delivery the document does not describe, exactly as received.
        case other(JSONValue)
    }

    /// A key that is the same for every delivery of one notification and differs between notifications, for
    /// dropping repeats (the provider retries up to ten times and sends no delivery ID). `nil` for `Payload.other`.
    ///
    /// For a payment: `payment:<payment_id>:<event>:<status>:<ip_amount>`. The issue asked for payment ID, event and
    /// status; the received amount is added because the service sends a `payment.open` with status `OPEN` for every
    /// incoming transaction, and those must not be dropped as repeats of each other. For a dedicated address:
    /// `dedicate:<dedicate_id>:<status>`.
    public var idempotencyKey: String? {
        switch payload {
        case .payment(let payment):
            let received = payment.ipAmount.map(DecimalText.format) ?? ""
            let parts = [payment.paymentID, event?.rawValue ?? "", payment.status?.rawValue ?? "", received]
            return "payment:" + parts.joined(separator: ":")
        case .dedicatedAddress(let dedication):
            return "dedicate:\(dedication.dedicateID):\(dedication.status?.rawValue ?? "")"
        case .other:
            return nil
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type, event, payment
        case dedicateID = "dedicate_id"
    }

    /// Decodes a delivery: an envelope with a documented event and its payment, a bare dedicated address, or
    /// anything else as JSON.
    ///
    /// - Throws: `DecodingError` when the body is not JSON, or when a documented event's payment (or a dedicate
    ///   notification) is malformed. Other bodies never fail.
    public init(from decoder: any Decoder) throws {
        let raw = try JSONValue(from: decoder)
        guard case .object = raw else {
            self.init(type: nil, event: nil, payload: .other(raw))
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try? container.decodeIfPresent(String.self, forKey: .type)
        let event = try? container.decodeIfPresent(StoreGatewayWebhookEventType.self, forKey: .event)
        if let event, event.isDocumented, container.contains(.payment) {
            let payment = try container.decode(StoreGatewayPayment.self, forKey: .payment)
            self.init(type: type, event: event, payload: .payment(payment))
        } else if event == nil, container.contains(.dedicateID) {
            self.init(
                type: type, event: nil, payload: .dedicatedAddress(try StoreGatewayDedicatedAddress(from: decoder)))
        } else {
            self.init(type: type, event: event, payload: .other(raw))
        }
    }

    /// Creates an event, for tests of your own handlers.
    public init(type: String?, event: StoreGatewayWebhookEventType?, payload: Payload) {
        self.type = type
        self.event = event
        self.payload = payload
    }

    /// Encodes the delivery in the shape it came in.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        switch payload {
        case .other(let raw):
            try raw.encode(to: encoder)
        case .payment(let payment):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(type, forKey: .type)
            try container.encodeIfPresent(event, forKey: .event)
            try container.encode(payment, forKey: .payment)
        case .dedicatedAddress(let dedication):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(type, forKey: .type)
            try container.encodeIfPresent(event, forKey: .event)
            try dedication.encode(to: encoder)
        }
    }
}

/// The events of the document's webhook table, kept open: an event it does not list decodes as ``unknown(_:)``.
public enum StoreGatewayWebhookEventType: OpenEnumeration {
    /// `payment.open`: a payment was created, or a transaction to it arrived.
    case paymentOpen
    /// `payment.complete`: the payment completed.
    case paymentComplete
    /// `payment.cancel`: the payment was cancelled (see ``StoreGatewayPayment/status`` for expired versus cancelled).
    case paymentCancel
    /// An event the document does not list, as sent.
    case unknown(String)

    /// The documented events.
    public static let documented: [StoreGatewayWebhookEventType] = [.paymentOpen, .paymentComplete, .paymentCancel]

    /// The event name as sent (`payment.complete`).
    public var rawValue: String {
        switch self {
        case .paymentOpen: "payment.open"
        case .paymentComplete: "payment.complete"
        case .paymentCancel: "payment.cancel"
        case .unknown(let raw): raw
        }
    }

    /// True for the documented events.
    public var isDocumented: Bool {
        if case .unknown = self { return false }
        return true
    }
}
