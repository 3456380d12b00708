import CryptoPayCore
import Foundation

/// One entry of GetTransactions: a payment as the merchant's transaction list shows it.
///
/// Amount fields the provider sends as `""` ("none") are `nil`; dates are the provider's `YYYY-MM-DD HH:MM:SS` in
/// UTC. ``accessToken`` is a secret and never shows in descriptions or `dump`.
public struct OpenPOSTransaction: Hashable, Sendable, Codable {
    /// The status as sent (`Confirmed`), with its unified status.
    public var status: OpenPOSStatus
    /// The point of service the payment was taken at.
    public var posID: String?
    /// The payment id.
    public var paymentID: String
    /// The invoice's fiat currency code.
    public var invoiceCurrency: String?
    /// The invoice amount in the fiat currency.
    public var invoiceAmount: Decimal?
    /// The cryptocurrency symbol.
    public var currency: String?
    /// The amount due, in the cryptocurrency.
    public var amount: Decimal?
    /// The address paid to.
    public var address: String?
    /// The kind of transaction (`Sell`).
    public var type: OpenPOSTransactionType?
    /// The amount received.
    public var payment: Decimal?
    /// The amount refunded.
    public var refund: Decimal?
    /// The amount that can still be refunded.
    public var refundAmountOpened: Decimal?
    /// The refund's status, as sent; the document shows only `null`.
    public var refundStatus: String?
    /// When the payment was created.
    public var insertedAt: Date?
    /// When it was confirmed.
    public var confirmedAt: Date?
    /// When it was cancelled.
    public var cancelledAt: Date?
    /// The double-spending alert exactly as sent, `nil` for `null`; the document shows only `null`, so its type is
    /// unknown.
    public var doubleSpendingAlert: JSONValue?
    /// Whether the payment confirmed with zero confirmations.
    public var acceptZeroConfirmations: Bool?
    /// The item name.
    public var itemName: String?
    /// The transaction's access token (a secret).
    public var accessToken: OpenPOSAccessToken?

    /// True when ``doubleSpendingAlert`` holds anything but `null`, `false`, `0` or `""`.
    public var hasDoubleSpendingAlert: Bool {
        switch doubleSpendingAlert {
        case nil, .null, .bool(false), .string(""): false
        case .number(let value): value != 0
        default: true
        }
    }

    enum CodingKeys: String, CodingKey {
        case status, currency, amount, address, type, payment, refund, inserted, confirmed, cancelled
        case posID = "pos_id"
        case paymentID = "payment_id"
        case invoiceCurrency = "invoice_currency"
        case invoiceAmount = "invoice_amount"
        case refundAmountOpened = "refund_amount_opened"
        case refundStatus = "refund_status"
        case doubleSpendingAlert = "double_spending_alert"
        case acceptZeroConfirmations = "accept_zero_confirmations"
        case itemName = "item_name"
        case accessToken = "access_token"
    }

    /// Decodes the document's shape; amounts are read exactly and `""` amounts are none.
    ///
    /// - Throws: `DecodingError` naming the field when `status` or `payment_id` is missing, or a present value is
    ///   malformed (an amount that is not decimal text, a date that is not a date).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(OpenPOSStatus.self, forKey: .status)
        posID = try container.decodeIfPresent(String.self, forKey: .posID)
        paymentID = try container.decode(String.self, forKey: .paymentID)
        invoiceCurrency = try container.decodeIfPresent(String.self, forKey: .invoiceCurrency)
        invoiceAmount = try container.decodePOSAmountIfPresent(forKey: .invoiceAmount)
        currency = try container.decodeIfPresent(String.self, forKey: .currency)
        amount = try container.decodePOSAmountIfPresent(forKey: .amount)
        address = try container.decodeIfPresent(String.self, forKey: .address)
        type = try container.decodeIfPresent(OpenPOSTransactionType.self, forKey: .type)
        payment = try container.decodePOSAmountIfPresent(forKey: .payment)
        refund = try container.decodePOSAmountIfPresent(forKey: .refund)
        refundAmountOpened = try container.decodePOSAmountIfPresent(forKey: .refundAmountOpened)
        refundStatus = try container.decodeIfPresent(String.self, forKey: .refundStatus)
        insertedAt = try container.decodePOSDateIfPresent(forKey: .inserted)
        confirmedAt = try container.decodePOSDateIfPresent(forKey: .confirmed)
        cancelledAt = try container.decodePOSDateIfPresent(forKey: .cancelled)
        doubleSpendingAlert = try container.decodeIfPresent(JSONValue.self, forKey: .doubleSpendingAlert)
        acceptZeroConfirmations = try container.decodePOSBoolIfPresent(forKey: .acceptZeroConfirmations)
        itemName = try container.decodeIfPresent(String.self, forKey: .itemName)
        accessToken = try container.decodeIfPresent(OpenPOSAccessToken.self, forKey: .accessToken)
    }

    /// Encodes every field as GetTransactions sends it: amounts as decimal strings or `""`, dates as
    /// `YYYY-MM-DD HH:MM:SS` or `null`, other absent values as `null`.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(posID, forKey: .posID)
        try container.encode(paymentID, forKey: .paymentID)
        try container.encode(invoiceCurrency, forKey: .invoiceCurrency)
        try container.encodePOSAmountOrEmpty(invoiceAmount, forKey: .invoiceAmount)
        try container.encode(currency, forKey: .currency)
        try container.encodePOSAmountOrEmpty(amount, forKey: .amount)
        try container.encode(address, forKey: .address)
        try container.encode(type, forKey: .type)
        try container.encodePOSAmountOrEmpty(payment, forKey: .payment)
        try container.encodePOSAmountOrEmpty(refund, forKey: .refund)
        try container.encodePOSAmountOrEmpty(refundAmountOpened, forKey: .refundAmountOpened)
        try container.encode(refundStatus, forKey: .refundStatus)
        try container.encodePOSDateOrNull(insertedAt, forKey: .inserted)
        try container.encodePOSDateOrNull(confirmedAt, forKey: .confirmed)
        try container.encodePOSDateOrNull(cancelledAt, forKey: .cancelled)
        try container.encode(doubleSpendingAlert ?? .null, forKey: .doubleSpendingAlert)
        try container.encode(acceptZeroConfirmations, forKey: .acceptZeroConfirmations)
        try container.encode(itemName, forKey: .itemName)
        try container.encode(accessToken, forKey: .accessToken)
    }
}

/// A transaction's `type`, kept open; the document shows only `Sell`.
public enum OpenPOSTransactionType: OpenEnumeration {
    /// `Sell`: the merchant sold for cryptocurrency.
    case sell
    /// A type the document does not name, as sent.
    case unknown(String)

    /// The documented types.
    public static let documented: [OpenPOSTransactionType] = [.sell]

    /// The wire spelling.
    public var rawValue: String {
        switch self {
        case .sell: "Sell"
        case .unknown(let raw): raw
        }
    }
}
