import CryptoPayCore
import Foundation

/// GetRate's answer: the exchange rate and the amount the customer must pay for an invoice, with the `payment_id`
/// that StartPayment needs.
///
/// The document asks to refresh it on screen every five seconds until the payment is started. Amounts are exact.
public struct OpenPOSQuote: Hashable, Sendable, Codable {
    /// The payment's id, to pass to StartPayment.
    public var paymentID: String
    /// The invoice amount in the fiat currency.
    public var invoiceAmount: Decimal
    /// The invoice's fiat currency code (`EUR`).
    public var invoiceCurrency: String
    /// The cryptocurrency symbol (`BTC`).
    public var currency: String
    /// Units of the fiat currency per unit of the cryptocurrency.
    public var rate: Decimal?
    /// The invoice amount converted at ``rate``, before the network fee.
    public var amountExchange: Decimal?
    /// The network fee added to ``amountExchange``.
    public var networkProcessingFee: Decimal?
    /// The amount the customer must pay, in the cryptocurrency.
    public var amount: Decimal
    /// The fee rate for a fast transaction, in ``fastTransactionFeeCurrency`` units.
    public var fastTransactionFee: Decimal?
    /// The unit of ``fastTransactionFee`` (`BTC/Byte`).
    public var fastTransactionFeeCurrency: String?
    /// How long to wait before asking again, as sent (`5 seconds`).
    public var waitTime: String?

    /// The invoice amount as money (`48.25 EUR`).
    public var invoice: Money { Money(invoiceAmount, OpenPOSAssetMapping.asset(code: invoiceCurrency)) }
    /// The amount to pay as money (`0.00701726 BTC`).
    public var amountDue: Money { Money(amount, OpenPOSAssetMapping.asset(code: currency)) }
    /// ``waitTime`` as a duration, when it is a number and a unit.
    public var waitDuration: Duration? { OpenPOSWaitTime.duration(waitTime) }

    enum CodingKeys: String, CodingKey {
        case currency, rate, amount
        case paymentID = "payment_id"
        case invoiceAmount = "invoice_amount"
        case invoiceCurrency = "invoice_currency"
        case amountExchange = "amount_exchange"
        case networkProcessingFee = "network_processing_fee"
        case fastTransactionFee = "fast_transaction_fee"
        case fastTransactionFeeCurrency = "fast_transaction_fee_currency"
        case waitTime = "wait_time"
    }

    /// Decodes the document's shape; amounts are read exactly and unknown fields are ignored.
    ///
    /// - Throws: `DecodingError` naming the field when `payment_id`, `invoice_amount`, `invoice_currency`,
    ///   `currency` or `amount` is missing, or a present value is malformed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        paymentID = try container.decode(String.self, forKey: .paymentID)
        invoiceAmount = try container.decodePOSAmount(forKey: .invoiceAmount)
        invoiceCurrency = try container.decode(String.self, forKey: .invoiceCurrency)
        currency = try container.decode(String.self, forKey: .currency)
        rate = try container.decodePOSAmountIfPresent(forKey: .rate)
        amountExchange = try container.decodePOSAmountIfPresent(forKey: .amountExchange)
        networkProcessingFee = try container.decodePOSAmountIfPresent(forKey: .networkProcessingFee)
        amount = try container.decodePOSAmount(forKey: .amount)
        fastTransactionFee = try container.decodePOSAmountIfPresent(forKey: .fastTransactionFee)
        fastTransactionFeeCurrency = try container.decodeIfPresent(String.self, forKey: .fastTransactionFeeCurrency)
        waitTime = try container.decodeIfPresent(String.self, forKey: .waitTime)
    }

    /// Encodes the provider's field names, amounts as decimal strings; absent values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(paymentID, forKey: .paymentID)
        try container.encodePOSAmount(invoiceAmount, forKey: .invoiceAmount)
        try container.encode(invoiceCurrency, forKey: .invoiceCurrency)
        try container.encode(currency, forKey: .currency)
        try container.encodePOSAmountIfPresent(rate, forKey: .rate)
        try container.encodePOSAmountIfPresent(amountExchange, forKey: .amountExchange)
        try container.encodePOSAmountIfPresent(networkProcessingFee, forKey: .networkProcessingFee)
        try container.encodePOSAmount(amount, forKey: .amount)
        try container.encodePOSAmountIfPresent(fastTransactionFee, forKey: .fastTransactionFee)
        try container.encodeIfPresent(fastTransactionFeeCurrency, forKey: .fastTransactionFeeCurrency)
        try container.encodeIfPresent(waitTime, forKey: .waitTime)
    }
}
