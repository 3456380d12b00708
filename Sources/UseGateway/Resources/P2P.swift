import CryptoPayCore

extension UseGatewayClient {
    /// P2P deposits: deposits whose hosted page offers peer-to-peer exchangers. They are created through
    /// `/deposits/` with `is_p2p: true` and read, cancelled and resolved through ``UseGatewayClient/deposits``.
    public struct P2P: Sendable {
        let deposits: Deposits

        /// Creates a P2P deposit, `POST /deposits/` with `is_p2p: true` whatever
        /// ``UseGatewayDepositParameters/isP2P`` says.
        ///
        /// - Throws: as `client.deposits.create(_:)`: `PaymentError` of kind `invalidRequest` for invalid
        ///   parameters (nothing is sent), `validation` when the provider rejects the data, and so on.
        public func create(_ parameters: UseGatewayDepositParameters) async throws -> UseGatewayDeposit {
            try await deposits.calls.create(UseGatewayOperations.p2pCreate, parameters.body)
        }
    }
}
