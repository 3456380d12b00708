import CryptoPayCore
import Foundation

/// What RefundPayment needs: the payment, the address to send the refund to and the amount.
///
/// The document requires the amount to equal CheckPayment's `refund_amount_opened`; ``init(check:paymentID:to:)``
/// takes it from there.
public struct OpenPOSRefundRequest: Hashable, Sendable {
    /// The payment id.
    public var paymentID: String
    /// The address that receives the refund (`address_out`).
    public var destinationAddress: String
    /// The amount to refund, in the payment's cryptocurrency (`refund_amount` and `currency`).
    public var amount: Money

    /// Describes a refund.
    public init(paymentID: String, to destinationAddress: String, amount: Money) {
        self.paymentID = paymentID
        self.destinationAddress = destinationAddress
        self.amount = amount
    }

    /// Describes a refund of the amount a CheckPayment answer reports as open for refund.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when the answer reports no `refund_amount_opened`.
    public init(check: OpenPOSPaymentCheck, paymentID: String, to destinationAddress: String) throws {
        guard let amount = check.refundAmountOpened else {
            throw PaymentError.invalidRequest("the payment has no refund_amount_opened to refund")
        }
        self.init(
            paymentID: paymentID, to: destinationAddress,
            amount: Money(amount, OpenPOSAssets.asset(code: check.currency)))
    }

    /// The query items in the document's order.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for an empty id or address, an amount of zero or less,
    ///   or a currency the API cannot express.
    func queryItems() throws -> [URLQueryItem] {
        var query = OpenPOSQuery()
        query.add("currency", try OpenPOSAssets.requireSymbol(for: amount.asset, field: "currency"))
        query.add("payment_id", try OpenPOSValidation.required(paymentID, field: "payment_id"))
        query.add("address_out", try OpenPOSValidation.required(destinationAddress, field: "address_out"))
        query.add("refund_amount", try OpenPOSValidation.positive(amount.amount, field: "refund_amount"))
        return query.items
    }
}
