import CryptoPayCore
import Foundation

/// A webhook delivery: `{event, created_at, data}`, with `data` decoded as the resource the event is about.
///
/// Obtain one from ``UseGatewayWebhook/verify(_:)``, which checks the signature first: nothing in an unverified body
/// may be trusted.
public struct UseGatewayWebhookEvent: Hashable, Sendable, Decodable {
    /// What happened.
    public var type: UseGatewayWebhookEventType
    /// When UseGateway delivered the event. The document types it only as a timestamp, so ISO 8601 text and Unix
    /// epoch seconds are both accepted: a genuinely signed webhook is never rejected over this field.
    public var createdAt: Date?
    /// The resource the event is about.
    public var data: Payload

    /// The object a webhook carries.
    public enum Payload: Hashable, Sendable {
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

        /// The current status of the resource, when it is one with a timeline.
        public var status: ProviderStatus? {
            switch self {
            case .payment(let payment): payment.status
            case .invoice(let invoice): invoice.status
            case .deposit(let deposit): deposit.status
            case .withdrawalRequest(let withdrawal): withdrawal.status
            case .other: nil
            }
        }
    }

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
