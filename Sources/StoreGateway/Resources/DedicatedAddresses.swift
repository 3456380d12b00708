import CryptoPayCore

extension StoreGatewayClient {
    /// Dedicated addresses: addresses set aside for one client.
    public struct DedicatedAddresses: Sendable {
        let api: APIClient

        /// Dedicates an address, `POST /dedicate` (operation `dedicatedAddresses.create`).
        ///
        /// Never resent once it may have reached the service.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an asset Store Gateway cannot express, an undocumented
        ///   payer language, `address_alloc` or `dedicate_type`, or a custom slot outside custom1…custom9 (nothing
        ///   is sent); `server` (HTTP 500),
        ///   `transport` or `decoding` with `PaymentError.outcome` `unknown`; otherwise as any request.
        public func create(_ parameters: StoreGatewayDedicatedAddressParameters) async throws
            -> StoreGatewayDedicatedAddress
        {
            try await api.perform(StoreGatewayOperations.dedicatedAddressesCreate, parameters)
        }

        /// Releases a dedicated address, `POST /dedicate/{dedicate_id}/release` (operation
        /// `dedicatedAddresses.release`); payments to it stop.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty ID (nothing is sent); otherwise as any request,
        ///   with an unknown outcome for HTTP 500 or a lost connection.
        public func release(id: String) async throws -> StoreGatewayDedicatedAddress {
            try await api.perform(StoreGatewayOperations.dedicatedAddressesRelease, PathParameters(["dedicate_id": id]))
        }
    }
}
