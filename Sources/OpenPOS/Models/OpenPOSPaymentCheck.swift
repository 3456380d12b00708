import CryptoPayCore
import Foundation

/// CheckPayment's answer: what has arrived on the blockchain for a payment and whether it is confirmed.
///
/// ``status`` combines `state`, `confirmed` and the confirmations as ``OpenPOSStatus`` describes.
public struct OpenPOSPaymentCheck: Hashable, Sendable, Codable {
    /// The merchant's reference number given to StartPayment.
    public var referenceNumber: String?
    /// The invoice amount in the fiat currency.
    public var invoiceAmount: Decimal?
    /// The invoice's fiat currency code.
    public var invoiceCurrency: String?
    /// The cryptocurrency symbol.
    public var currency: String
    /// The amount the customer must pay, in the cryptocurrency.
    public var amount: Decimal
    /// The amount received so far (`payment`), in the cryptocurrency, with the characters the provider sent:
    /// AcceptPayment must echo them (``OpenPOSClient/acceptPayment(_:check:invoiceAmount:options:)``).
    public var paymentAsSent: OpenPOSWireAmount?
    /// The confirmations the transaction has.
    public var confirmations: Int?
    /// The confirmations it needs.
    public var minConfirmations: Int?
    /// True once the payment is confirmed; poll until it is.
    public var confirmed: Bool
    /// The provider's state.
    public var state: OpenPOSPaymentState
    /// The provider's human-readable status (`Waiting for transaction.`); the wire field `status`.
    public var statusMessage: String?
    /// How long to wait before checking again, as sent (`5 seconds`).
    public var waitTime: String?
    /// The amount that can be refunded with RefundPayment, when the provider reports one, with the characters the
    /// provider sent: RefundPayment must echo them (``OpenPOSRefundRequest/init(check:paymentID:to:)``).
    public var refundAmountOpenedAsSent: OpenPOSWireAmount?

    /// The amount received so far (`payment`), in the cryptocurrency. Setting it replaces ``paymentAsSent`` with
    /// the value's plain text.
    public var payment: Decimal? {
        get { paymentAsSent?.value }
        set { paymentAsSent = newValue.map(OpenPOSWireAmount.init) }
    }
    /// The amount that can be refunded with RefundPayment, when the provider reports one. Setting it replaces
    /// ``refundAmountOpenedAsSent`` with the value's plain text.
    public var refundAmountOpened: Decimal? {
        get { refundAmountOpenedAsSent?.value }
        set { refundAmountOpenedAsSent = newValue.map(OpenPOSWireAmount.init) }
    }

    /// The provider's state with the unified status that it, ``confirmed`` and the confirmations stand for; see
    /// ``OpenPOSStatus``.
    public var status: OpenPOSStatus {
        OpenPOSStatus(state: state, confirmed: confirmed, confirmations: confirmations, received: payment)
    }
    /// The amount to pay as money.
    public var amountDue: Money { Money(amount, OpenPOSAssetMapping.asset(code: currency)) }
    /// The amount received as money (zero when the provider reports none).
    public var received: Money { Money(payment ?? 0, OpenPOSAssetMapping.asset(code: currency)) }
    /// What is still missing: the amount due minus the amount received, never below zero.
    public var outstanding: Money { Money(max(amount - (payment ?? 0), 0), OpenPOSAssetMapping.asset(code: currency)) }
    /// The invoice amount as money, when both its fields are present.
    public var invoice: Money? {
        guard let invoiceAmount, let invoiceCurrency else { return nil }
        return Money(invoiceAmount, OpenPOSAssetMapping.asset(code: invoiceCurrency))
    }
    /// ``waitTime`` as a duration, when it is a number and a unit.
    public var waitDuration: Duration? { OpenPOSWaitTime.duration(waitTime) }

    enum CodingKeys: String, CodingKey {
        case currency, amount, confirmations, confirmed, state
        case paymentAsSent = "payment"
        case referenceNumber = "reference_no"
        case invoiceAmount = "invoice_amount"
        case invoiceCurrency = "invoice_currency"
        case minConfirmations = "min_confirmations"
        case statusMessage = "status"
        case waitTime = "wait_time"
        case refundAmountOpenedAsSent = "refund_amount_opened"
    }

    /// Decodes the document's shape; amounts are read exactly, `""` amounts are none, unknown fields are ignored.
    /// `payment` and `refund_amount_opened` keep the characters they were sent in.
    ///
    /// - Throws: `DecodingError` naming the field when `currency`, `amount`, `confirmed` or `state` is missing, or a
    ///   present value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        referenceNumber = try container.decodeIfPresent(String.self, forKey: .referenceNumber)
        invoiceAmount = try container.decodePOSAmountIfPresent(forKey: .invoiceAmount)
        invoiceCurrency = try container.decodeIfPresent(String.self, forKey: .invoiceCurrency)
        currency = try container.decode(String.self, forKey: .currency)
        amount = try container.decodePOSAmount(forKey: .amount)
        paymentAsSent = try container.decodePOSWireAmountIfPresent(forKey: .paymentAsSent)
        confirmations = try container.decodePOSIntIfPresent(forKey: .confirmations)
        minConfirmations = try container.decodePOSIntIfPresent(forKey: .minConfirmations)
        confirmed = try container.decodePOSBool(forKey: .confirmed)
        state = try container.decode(OpenPOSPaymentState.self, forKey: .state)
        statusMessage = try container.decodeIfPresent(String.self, forKey: .statusMessage)
        waitTime = try container.decodeIfPresent(String.self, forKey: .waitTime)
        refundAmountOpenedAsSent = try container.decodePOSWireAmountIfPresent(forKey: .refundAmountOpenedAsSent)
    }

    /// Encodes the provider's field names, amounts as decimal strings (`payment` and `refund_amount_opened` in the
    /// characters they were received in); absent values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(referenceNumber, forKey: .referenceNumber)
        try container.encodePOSAmountIfPresent(invoiceAmount, forKey: .invoiceAmount)
        try container.encodeIfPresent(invoiceCurrency, forKey: .invoiceCurrency)
        try container.encode(currency, forKey: .currency)
        try container.encodePOSAmount(amount, forKey: .amount)
        try container.encodeIfPresent(paymentAsSent, forKey: .paymentAsSent)
        try container.encodeIfPresent(confirmations, forKey: .confirmations)
        try container.encodeIfPresent(minConfirmations, forKey: .minConfirmations)
        try container.encode(confirmed, forKey: .confirmed)
        try container.encode(state, forKey: .state)
        try container.encodeIfPresent(statusMessage, forKey: .statusMessage)
        try container.encodeIfPresent(waitTime, forKey: .waitTime)
        try container.encodeIfPresent(refundAmountOpenedAsSent, forKey: .refundAmountOpenedAsSent)
    }
}
