import CryptoPayCore

extension UseGatewayClient {
    /// Payments, `/payments/`: list, all, create, retrieve, cancel, resolve.
    public typealias Payments = UseGatewayResource<UseGatewayPayment>
}

extension UseGatewayCheckout: UseGatewayCancellable {}

extension UseGatewayResource where Item == UseGatewayPayment {
    /// Creates a payment, `POST /payments/`.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty name, a string over 255 characters, an amount of
    ///   zero or less or a currency UseGateway does not price in (nothing is sent); `validation` when the provider
    ///   rejects the data; otherwise as `APIClient.send(_:)`.
    public func create(_ parameters: UseGatewayPaymentParameters) async throws -> UseGatewayPayment {
        try await create(UseGatewayOperations.paymentsCreate, parameters.body)
    }
}
