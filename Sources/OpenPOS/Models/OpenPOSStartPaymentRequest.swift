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
            currency: OpenPOSAssetMapping.asset(code: quote.currency),
            referenceNumber: referenceNumber,
            acceptZeroConfirmations: acceptZeroConfirmations,
            payerIPAddress: payerIPAddress,
            payerUserAgent: payerUserAgent,
            requireKYTForConfirmation: requireKYTForConfirmation
        )
    }

    /// StartPayment's fields, with the API's codes for the currencies.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for an invoice currency that is not a three-letter code
    ///   or a cryptocurrency the API cannot express.
    func fields() throws -> OpenPOSStartFields {
        OpenPOSStartFields(
            paymentID: paymentID,
            invoiceCurrency: try OpenPOSAssetMapping.requireInvoiceCode(for: invoice.asset, field: "invoice_currency"),
            invoiceAmount: OpenPOSWireAmount(invoice.amount),
            currency: try OpenPOSAssetMapping.requireSymbol(for: currency, field: "currency"),
            referenceNumber: referenceNumber,
            acceptZeroConfirmations: acceptZeroConfirmations,
            payerIPAddress: payerIPAddress,
            payerUserAgent: payerUserAgent,
            requireKYTForConfirmation: requireKYTForConfirmation
        )
    }
}
