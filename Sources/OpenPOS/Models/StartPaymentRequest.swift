import CryptoPayCore
import Foundation

/// What StartPayment needs: the quote's payment id and amounts, and optional details about the order and payer.
public struct OpenPOSStartPaymentRequest: Hashable, Sendable {
    /// The payment id GetRate returned.
    public var paymentID: String
    /// The invoice amount and its fiat currency, as quoted.
    public var invoice: Money
    /// The cryptocurrency to pay in, as quoted.
    public var currency: Asset
    /// Your reference number for the payment (`reference_no`).
    public var referenceNumber: String?
    /// Confirm small payments with zero confirmations (`accept_zero_confirmations`).
    public var acceptZeroConfirmations: Bool?
    /// The payer's IP address (`payer_ip_address`).
    public var payerIPAddress: String?
    /// The payer's browser user agent (`payer_user_agent`).
    public var payerUserAgent: String?
    /// Require a KYT check to succeed before confirming (`require_kyt_for_confirmation`).
    public var requireKYTForConfirmation: Bool?

    /// Describes a payment to start from its parts.
    public init(
        paymentID: String,
        invoice: Money,
        currency: Asset,
        referenceNumber: String? = nil,
        acceptZeroConfirmations: Bool? = nil,
        payerIPAddress: String? = nil,
        payerUserAgent: String? = nil,
        requireKYTForConfirmation: Bool? = nil
    ) {
        self.paymentID = paymentID
        self.invoice = invoice
        self.currency = currency
        self.referenceNumber = referenceNumber
        self.acceptZeroConfirmations = acceptZeroConfirmations
        self.payerIPAddress = payerIPAddress
        self.payerUserAgent = payerUserAgent
        self.requireKYTForConfirmation = requireKYTForConfirmation
    }

    /// Describes a payment to start at a quote GetRate returned: its id, invoice and currency.
    public init(
        quote: OpenPOSQuote,
        referenceNumber: String? = nil,
        acceptZeroConfirmations: Bool? = nil,
        payerIPAddress: String? = nil,
        payerUserAgent: String? = nil,
        requireKYTForConfirmation: Bool? = nil
    ) {
        self.init(
            paymentID: quote.paymentID,
            invoice: quote.invoice,
            currency: OpenPOSAssets.asset(code: quote.currency),
            referenceNumber: referenceNumber,
            acceptZeroConfirmations: acceptZeroConfirmations,
            payerIPAddress: payerIPAddress,
            payerUserAgent: payerUserAgent,
            requireKYTForConfirmation: requireKYTForConfirmation
        )
    }

    /// The query items in the document's order.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for an empty payment id, an amount of zero or less, an
    ///   invoice currency that is not a three-letter code, a cryptocurrency the API cannot express, or a blank
    ///   optional value.
    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        query.add(
            "invoice_currency", try OpenPOSAssets.requireInvoiceCode(for: invoice.asset, field: "invoice_currency"))
        query.add("payment_id", try FieldRules.notBlank(paymentID, field: "payment_id"))
        query.add("invoice_amount", try OpenPOSValidation.positive(invoice.amount, field: "invoice_amount"))
        query.add("currency", try OpenPOSAssets.requireSymbol(for: currency, field: "currency"))
        query.add("reference_no", try FieldRules.notBlankIfPresent(referenceNumber, field: "reference_no"))
        query.add("accept_zero_confirmations", acceptZeroConfirmations)
        query.add("payer_ip_address", try FieldRules.notBlankIfPresent(payerIPAddress, field: "payer_ip_address"))
        query.add("payer_user_agent", try FieldRules.notBlankIfPresent(payerUserAgent, field: "payer_user_agent"))
        query.add("require_kyt_for_confirmation", requireKYTForConfirmation)
        return query.items
    }
}
