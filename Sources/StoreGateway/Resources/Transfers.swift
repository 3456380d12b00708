import CryptoPayCore

extension StoreGatewayClient {
    /// Transfers between the merchant's stores.
    public struct Transfers: Sendable {
        let api: APIClient

        /// Moves an amount to another store, `POST /transfer` (operation `transfers.create`).
        ///
        /// Never resent once it may have reached the service.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty store ID, an amount of zero or less or an asset
        ///   Store Gateway cannot express (nothing is sent); `server` (HTTP 500), `transport` or `decoding` with
        ///   `PaymentError.outcome` `unknown` when the transfer may have been made; otherwise as any request.
        public func create(_ parameters: StoreGatewayTransferParameters) async throws -> StoreGatewayTransfer {
            try await api.perform(StoreGatewayOperations.transfersCreate, parameters)
        }
    }
}
