import CryptoPayCore
import Foundation

/// What to create a payment with (`POST /v1/integrations/payments`).
public struct OneXGatePaymentParameters: Hashable, Sendable {
    /// The amount and asset to charge; the asset must be one 1xGate documents (``OneXGateAssetMapping/documented``) and
    /// the amount must be positive with no more decimals than that asset allows.
    public var amount: Money
    /// Your order id; required, and unique per payment.
    public var orderID: String
    /// Where 1xGate sends the customer after a successful payment (`callbacks.success`).
    public var successURL: URL
    /// Where 1xGate sends the customer after a failed payment (`callbacks.failed`).
    public var failedURL: URL
    /// A description of the payment.
    public var description: String?
    /// Your e-mail address for the payer.
    public var merchantUserEmail: String?
    /// Your id for the payer.
    public var merchantUserID: String?

    /// Creates parameters.
    public init(
        amount: Money,
        orderID: String,
        successURL: URL,
        failedURL: URL,
        description: String? = nil,
        merchantUserEmail: String? = nil,
        merchantUserID: String? = nil
    ) {
        self.amount = amount
        self.orderID = orderID
        self.successURL = successURL
        self.failedURL = failedURL
        self.description = description
        self.merchantUserEmail = merchantUserEmail
        self.merchantUserID = merchantUserID
    }

    /// The request body in the document's shape; ``Body/validated()`` checks it.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for an asset 1xGate does not document.
    func body() throws -> Body {
        let code = try OneXGateAssetMapping.requireCode(for: amount.asset)
        return Body(
            currency: code.currency,
            network: code.network,
            amount: amount.amount,
            orderId: orderID,
            description: description,
            merchantUserEmail: merchantUserEmail,
            merchantUserId: merchantUserID,
            callbacks: OneXGateCallbacks(success: successURL, failed: failedURL)
        )
    }

    /// The wire body, with the document's field names: the parameters of `payments.create`.
    struct Body: Codable, Sendable, OperationParameters {
        var currency: OneXGateCurrency
        var network: OneXGateNetwork
        @AmountCoding<AmountAsJSONNumber> var amount: Decimal
        var orderId: String
        var description: String?
        var merchantUserEmail: String?
        var merchantUserId: String?
        var callbacks: OneXGateCallbacks

        /// Checks the asset, the amount's sign and decimals, the order id and the callbacks.
        ///
        /// - Throws: ``PaymentError`` of kind `invalidRequest` for an undocumented asset, an amount of zero or less
        ///   or with too many decimals, a blank order id or a callback that is not an absolute `http(s)` URL.
        func validated() throws -> Self {
            let code = try OneXGateAssetMapping.requireCode(
                for: OneXGateAssetMapping.asset(currency: currency, network: network))
            try AmountRules.requirePositive(amount, field: "amount")
            try AmountRules.requireDecimalPlaces(amount, atMost: code.decimals, field: "amount")
            _ = try FieldRules.notBlank(orderId, field: "orderId")
            _ = try FieldRules.webURL(callbacks.success, field: "callbacks.success")
            _ = try FieldRules.webURL(callbacks.failed, field: "callbacks.failed")
            return self
        }
    }
}
