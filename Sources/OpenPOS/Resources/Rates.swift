import CryptoPayCore
import Foundation

extension OpenPOSClient {
    /// The rate and the amount to pay for an invoice, `GET /GetRate/` (operation `getRate`).
    ///
    /// The document asks to show it and refresh it every five seconds until the payment is started; pass the quote
    /// to ``startPayment(_:options:)`` through ``OpenPOSStartPaymentRequest/init(quote:referenceNumber:acceptZeroConfirmations:payerIPAddress:payerUserAgent:requireKYTForConfirmation:)``.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an amount of zero or less, an invoice currency that is not
    ///   a three-letter code or a cryptocurrency the API cannot express (nothing is sent); `authentication`,
    ///   `validation` and the like when the provider answers with `err`; otherwise as the client's other calls.
    public func rate(for request: OpenPOSQuoteRequest, options: OpenPOSCallOptions = .none) async throws
        -> OpenPOSQuote
    {
        try await perform(OpenPOSOperations.getRate, options: options) { try request.fields() }
    }
}
