import CryptoPayCore

extension StoreGatewayClient {
    /// Withdrawals of the store's funds.
    public struct Withdrawals: Sendable {
        let api: APIClient

        /// Creates a withdrawal, `POST /withdraw` (operation `withdrawals.create`).
        ///
        /// Never resent once it may have reached the service. The document offers no list of withdrawals, so after
        /// an unknown outcome check the store's interface (or its webhooks) before withdrawing again.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an amount of zero or less, an asset Store Gateway cannot
        ///   express, an empty address, a timeout outside 0…1440 or a custom slot outside custom1…custom9 (nothing
        ///   is sent); `validation` (HTTP 422) with the service's code; `server` (HTTP 500), `transport` or
        ///   `decoding` with `PaymentError.outcome` `unknown` when the withdrawal may have been made; otherwise as
        ///   any request.
        public func create(_ parameters: StoreGatewayWithdrawalParameters) async throws -> StoreGatewayWithdrawal {
            try await api.perform(StoreGatewayOperations.withdrawalsCreate, parameters)
        }

        /// The withdrawal with this ID, `GET /withdraw/{withdraw_id}` (operation `withdrawals.retrieve`).
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty ID (nothing is sent); otherwise as any request.
        public func retrieve(id: String) async throws -> StoreGatewayWithdrawal {
            try await api.perform(StoreGatewayOperations.withdrawalsRetrieve, PathParameters(["withdraw_id": id]))
        }
    }
}
