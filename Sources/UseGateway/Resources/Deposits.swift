import CryptoPayCore

extension UseGatewayClient {
    /// Deposits, `/deposits/`: list, all, create, retrieve, cancel, resolve.
    public typealias Deposits = UseGatewayResource<UseGatewayDeposit>
}

extension UseGatewayDeposit: UseGatewayCancellable {}

extension UseGatewayResource where Item == UseGatewayDeposit {
    /// Creates a deposit, `POST /deposits/`, sending `is_p2p` as the parameters say (``UseGatewayClient/p2p``
    /// creates P2P deposits without setting it).
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an empty user id or site, a string over 255 characters, a
    ///   price of zero or less or a currency UseGateway does not price in (nothing is sent); `validation` when the
    ///   provider rejects the data; otherwise as `APIClient.send(_:)`.
    public func create(_ parameters: UseGatewayDepositParameters) async throws -> UseGatewayDeposit {
        try await create(UseGatewayOperations.depositsCreate, parameters.body)
    }
}
