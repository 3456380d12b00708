import CryptoPayCore

/// What ``OpenPOSClient/startPayment(invoiceAmount:currency:referenceNumber:acceptZeroConfirmations:requireKYTForConfirmation:payerIPAddress:payerUserAgent:options:)``
/// returns: the quote from GetRate and the payment StartPayment started at it.
public struct OpenPOSStartedPayment: Hashable, Sendable, Codable {
    /// GetRate's answer.
    public var quote: OpenPOSQuote
    /// StartPayment's answer: the address to pay, the QR codes and the final amounts.
    public var payment: OpenPOSPayment

    /// Pairs a quote and the payment started at it.
    public init(quote: OpenPOSQuote, payment: OpenPOSPayment) {
        self.quote = quote
        self.payment = payment
    }

    /// What CheckPayment, CancelPayment, AcceptPayment and the webhook verifier need to name the payment.
    public var reference: OpenPOSPaymentReference { payment.reference }
}
