import CryptoPayCore

extension StoreGatewayClient {
    /// The assets the store can take payments in.
    public struct Assets: Sendable {
        let api: APIClient

        /// Every asset, `GET /assets` (operation `assets.list`).
        ///
        /// - Throws: `PaymentError` as any request (`authentication`, `server`, `transport`, `decoding` …).
        public func list() async throws -> [StoreGatewayAsset] {
            try await api.perform(StoreGatewayOperations.assetsList, PathParameters())
        }
    }
}
