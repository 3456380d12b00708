import CryptoPayCore
import Foundation

/// A webhook delivery: `{event, created_at, data}`, with `data` decoded as the resource the event is about.
///
/// Obtain one from ``UseGatewayWebhook/verify(_:)``, which checks the signature first: nothing in an unverified body
/// may be trusted. It encodes back to the provider's fields (see ``encode(to:)``), for storing or printing; verify
/// signatures on the bytes received, never on an encoding.
public struct UseGatewayWebhookEvent: Hashable, Sendable, Codable {
    /// What happened.
    public var type: UseGatewayWebhookEventType
    /// When UseGateway delivered the event. The document types it only as a timestamp, so ISO 8601 text and Unix
    /// epoch seconds are both accepted: a genuinely signed webhook is never rejected over this field.
    public var createdAt: Date?
    /// The resource the event is about.
    public var data: Payload

    /// The object a webhook carries.
    ///
    /// It is `Encodable` but not `Decodable` on its own: a payment and an invoice have the same fields, so only the
    /// event name says which one a `data` object is. Decode the whole ``UseGatewayWebhookEvent`` instead.
    public enum Payload: Hashable, Sendable, Encodable {
        /// A `payment.*` event's payment.
        case payment(UseGatewayPayment)
        /// An `invoice.*` event's invoice.
        case invoice(UseGatewayInvoice)
        /// A `deposit.*` event's deposit.
        case deposit(UseGatewayDeposit)
        /// A `withdrawal_request.*` event's withdrawal request.
        case withdrawalRequest(UseGatewayWithdrawalRequest)
        /// The data of an event whose shape the document does not give (`transaction.refunded`,
        /// `withdrawal.completed`, and events it does not list), exactly as sent.
        case other(JSONValue)

        /// The current status of the resource as sent, with its unified status, when it is one with a timeline.
        public var status: (any UseGatewayStatus)? {
            switch self {
            case .payment(let payment): payment.status
            case .invoice(let invoice): invoice.status
            case .deposit(let deposit): deposit.status
            case .withdrawalRequest(let withdrawal): withdrawal.status
            case .other: nil
            }
        }

        /// The event-name prefix this payload is decoded for; `nil` for ``other(_:)``.
        fileprivate var resource: String? {
            switch self {
            case .payment: "payment"
            case .invoice: "invoice"
            case .deposit: "deposit"
            case .withdrawalRequest: "withdrawal_request"
            case .other: nil
            }
        }

        /// Writes the resource in the provider's shape (see each model's `encode(to:)`), or the kept JSON exactly as
        /// it was received.
        ///
        /// - Throws: `EncodingError.invalidValue` naming the field when an amount is in an asset UseGateway has no
        ///   code for; otherwise whatever the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .payment(let payment): try payment.encode(to: encoder)
            case .invoice(let invoice): try invoice.encode(to: encoder)
            case .deposit(let deposit): try deposit.encode(to: encoder)
            case .withdrawalRequest(let withdrawal): try withdrawal.encode(to: encoder)
            case .other(let json): try json.encode(to: encoder)
            }
        }
    }

    /// The event-name prefixes whose data is decoded as a model; any other event's data is kept as JSON.
    private static let modelledResources: Set<String> = ["payment", "invoice", "deposit", "withdrawal_request"]

    private enum CodingKeys: String, CodingKey {
        case event, data
        case createdAt = "created_at"
    }

    /// Decodes the envelope and its data.
    ///
    /// - Throws: `DecodingError` naming the field when `event` is missing, or when a documented event's data is
    ///   not the resource it should be. Data of other events is kept as JSON and never fails.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(UseGatewayWebhookEventType.self, forKey: .event)
        createdAt = try container.decodeTimestampIfPresent(forKey: .createdAt)
        switch type.resource {
        case "payment": data = .payment(try container.decode(UseGatewayPayment.self, forKey: .data))
        case "invoice": data = .invoice(try container.decode(UseGatewayInvoice.self, forKey: .data))
        case "deposit": data = .deposit(try container.decode(UseGatewayDeposit.self, forKey: .data))
        case "withdrawal_request":
            data = .withdrawalRequest(try container.decode(UseGatewayWithdrawalRequest.self, forKey: .data))
        default: data = .other(try container.decodeIfPresent(JSONValue.self, forKey: .data) ?? .null)
        }
    }

    /// Writes `{event, created_at, data}`: the event name as sent; `created_at` as ISO 8601 text with whole seconds
    /// by the encoder's date strategy (also when it was received as Unix seconds), left out when `nil`; `data` in its
    /// resource's provider shape, or the kept JSON (`null` when there was none).
    ///
    /// - Throws: `EncodingError.invalidValue` when ``data`` is not the kind of resource ``type`` names (it would not
    ///   decode back as the same event) or an amount is in an asset UseGateway has no code for; otherwise whatever
    ///   the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        let expected = type.resource.flatMap { Self.modelledResources.contains($0) ? $0 : nil }
        guard data.resource == expected else {
            throw EncodingError.invalidValue(
                self,
                EncodingError.Context(
                    codingPath: encoder.codingPath + [CodingKeys.data],
                    debugDescription:
                        "\(type) events carry \(expected ?? "JSON data"), not \(data.resource ?? "JSON data")"
                )
            )
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .event)
        try container.encodeIfPresent(createdAt, forKey: .createdAt)
        try container.encode(data, forKey: .data)
    }
}

/// The event names of the document's `WebhookEvent` enumeration, kept open: an event it does not list decodes as
/// ``unknown(_:)``.
public enum UseGatewayWebhookEventType: OpenEnumeration {
    /// `payment.created`.
    case paymentCreated
    /// `payment.completed`: the transaction was confirmed and the payment completed.
    case paymentCompleted
    /// `payment.expired`.
    case paymentExpired
    /// `payment.unresolved`: the payment diverged from what was expected.
    case paymentUnresolved
    /// `payment.resolved`.
    case paymentResolved
    /// `payment.closed`.
    case paymentClosed
    /// `invoice.created`.
    case invoiceCreated
    /// `invoice.viewed`.
    case invoiceViewed
    /// `invoice.expired`.
    case invoiceExpired
    /// `invoice.renewed`: the invoice was renewed and recalculated.
    case invoiceRenewed
    /// `invoice.paid`.
    case invoicePaid
    /// `invoice.unresolved`.
    case invoiceUnresolved
    /// `invoice.resolved`.
    case invoiceResolved
    /// `invoice.closed`.
    case invoiceClosed
    /// `deposit.created`.
    case depositCreated
    /// `deposit.replenished`: a transaction to the deposit was confirmed.
    case depositReplenished
    /// `deposit.unresolved`: an underpaid replenishment.
    case depositUnresolved
    /// `deposit.resolved`.
    case depositResolved
    /// `deposit.closed`.
    case depositClosed
    /// `transaction.refunded`.
    case transactionRefunded
    /// `withdrawal.completed`.
    case withdrawalCompleted
    /// `withdrawal_request.created`.
    case withdrawalRequestCreated
    /// `withdrawal_request.approved`: the request was paid and approved.
    case withdrawalRequestApproved
    /// `withdrawal_request.declined`.
    case withdrawalRequestDeclined
    /// An event the document does not list, as sent.
    case unknown(String)

    /// The documented events, in the document's order.
    public static let documented: [UseGatewayWebhookEventType] = [
        .paymentCreated, .paymentCompleted, .paymentUnresolved, .paymentResolved, .paymentExpired, .paymentClosed,
        .invoiceCreated, .invoiceViewed, .invoiceExpired, .invoiceRenewed, .invoicePaid, .invoiceUnresolved,
        .invoiceResolved, .invoiceClosed, .depositCreated, .depositReplenished, .depositUnresolved,
        .depositResolved, .depositClosed, .transactionRefunded, .withdrawalCompleted, .withdrawalRequestCreated,
        .withdrawalRequestApproved, .withdrawalRequestDeclined,
    ]

    /// The event name as sent (`payment.completed`).
    public var rawValue: String {
        switch self {
        case .paymentCreated: "payment.created"
        case .paymentCompleted: "payment.completed"
        case .paymentExpired: "payment.expired"
        case .paymentUnresolved: "payment.unresolved"
        case .paymentResolved: "payment.resolved"
        case .paymentClosed: "payment.closed"
        case .invoiceCreated: "invoice.created"
        case .invoiceViewed: "invoice.viewed"
        case .invoiceExpired: "invoice.expired"
        case .invoiceRenewed: "invoice.renewed"
        case .invoicePaid: "invoice.paid"
        case .invoiceUnresolved: "invoice.unresolved"
        case .invoiceResolved: "invoice.resolved"
        case .invoiceClosed: "invoice.closed"
        case .depositCreated: "deposit.created"
        case .depositReplenished: "deposit.replenished"
        case .depositUnresolved: "deposit.unresolved"
        case .depositResolved: "deposit.resolved"
        case .depositClosed: "deposit.closed"
        case .transactionRefunded: "transaction.refunded"
        case .withdrawalCompleted: "withdrawal.completed"
        case .withdrawalRequestCreated: "withdrawal_request.created"
        case .withdrawalRequestApproved: "withdrawal_request.approved"
        case .withdrawalRequestDeclined: "withdrawal_request.declined"
        case .unknown(let name): name
        }
    }

    /// The part before the dot (`payment`, `withdrawal_request`), which names the kind of `data`; `nil` for an
    /// undocumented event, whose data is never interpreted.
    public var resource: String? {
        if case .unknown = self { return nil }
        return rawValue.split(separator: ".").first.map(String.init)
    }

}
