import CryptoPayCore
import Foundation

/// What GetRate needs: the invoice amount in fiat and the cryptocurrency the customer will pay in.
public struct OpenPOSQuoteRequest: Hashable, Sendable {
    /// The invoice amount and its fiat currency (`48.25 EUR`).
    public var invoice: Money
    /// The cryptocurrency to pay in (`BTC`).
    public var currency: Asset
    /// Confirm small payments with zero confirmations (`accept_zero_confirmations`); left out when `nil`.
    public var acceptZeroConfirmations: Bool?
    /// Require a KYT check to succeed before confirming (`require_kyt_for_confirmation`); left out when `nil`.
    public var requireKYTForConfirmation: Bool?

    /// Describes a quote.
    public init(
        invoice: Money,
        currency: Asset,
        acceptZeroConfirmations: Bool? = nil,
        requireKYTForConfirmation: Bool? = nil
    ) {
        self.invoice = invoice
        self.currency = currency
        self.acceptZeroConfirmations = acceptZeroConfirmations
        self.requireKYTForConfirmation = requireKYTForConfirmation
    }

    /// GetRate's fields, with the API's codes for the currencies.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for an invoice currency that is not a three-letter code
    ///   or a cryptocurrency the API cannot express.
    func fields() throws -> OpenPOSRateFields {
        OpenPOSRateFields(
            invoiceCurrency: try OpenPOSAssetMapping.requireInvoiceCode(for: invoice.asset, field: "invoice_currency"),
            invoiceAmount: OpenPOSWireAmount(invoice.amount),
            currency: try OpenPOSAssetMapping.requireSymbol(for: currency, field: "currency"),
            acceptZeroConfirmations: acceptZeroConfirmations,
            requireKYTForConfirmation: requireKYTForConfirmation
        )
    }
}
