import CryptoPayCore

extension StoreGatewayClient {
    /// The store's balances.
    public struct Accounts: Sendable {
        let api: APIClient

        /// The totals in the store currency and every coin account, `GET /accounts` (operation `accounts.list`).
        ///
        /// - Throws: `PaymentError` as any request (`authentication`, `server`, `transport`, `decoding` …).
        public func list() async throws -> StoreGatewayBalances {
            try await api.perform(StoreGatewayOperations.accountsList, PathParameters())
        }
    }
}
