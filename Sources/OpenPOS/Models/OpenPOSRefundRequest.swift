import CryptoPayCore
import Foundation

/// What RefundPayment needs: the payment, the address to send the refund to and the amount.
///
/// The document requires the amount to match CheckPayment's `refund_amount_opened`; ``init(check:paymentID:to:)``
/// takes it from there, with the characters the provider sent, which are sent back unchanged.
public struct OpenPOSRefundRequest: Hashable, Sendable {
    /// The payment id.
    public var paymentID: String
    /// The address that receives the refund (`address_out`).
    public var destinationAddress: String
    /// The amount to refund (`refund_amount`), sent as its ``OpenPOSWireAmount/text``.
    public var amount: OpenPOSWireAmount
    /// The payment's cryptocurrency (`currency`).
    public var currency: Asset

    /// Describes a refund of an amount as the provider spelt it (a stored `refund_amount_opened`).
    public init(paymentID: String, to destinationAddress: String, amount: OpenPOSWireAmount, currency: Asset) {
        self.paymentID = paymentID
        self.destinationAddress = destinationAddress
        self.amount = amount
        self.currency = currency
    }

    /// Describes a refund of the amount a CheckPayment answer reports as open for refund, spelt as it reported it.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` when the answer reports no `refund_amount_opened`.
    public init(check: OpenPOSPaymentCheck, paymentID: String, to destinationAddress: String) throws {
        guard let amount = check.refundAmountOpenedAsSent else {
            throw PaymentError.invalidRequest("the payment has no refund_amount_opened to refund")
        }
        self.init(
            paymentID: paymentID, to: destinationAddress, amount: amount,
            currency: OpenPOSAssetMapping.asset(code: check.currency))
    }

    /// The amount as money.
    public var money: Money { Money(amount.value, currency) }

    /// RefundPayment's fields, with the API's symbol for the currency.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for a currency the API cannot express.
    func fields() throws -> OpenPOSRefundFields {
        OpenPOSRefundFields(
            currency: try OpenPOSAssetMapping.requireSymbol(for: currency, field: "currency"),
            paymentID: paymentID,
            addressOut: destinationAddress,
            refundAmount: amount
        )
    }
}
