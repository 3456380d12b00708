import CryptoPayCore
import Foundation

extension OneXGateClient {
    /// 1xGate's public settings. These endpoints need no key: none is sent.
    public struct Settings: Sendable {
        let api: APIClient

        /// The currencies and networks 1xGate accepts now, `GET /v1/settings/payment`, with every icon path
        /// resolved against the client's base URL.
        ///
        /// - Throws: `PaymentError`: `decoding` when the response is not the documented list, otherwise `server`,
        ///   `transport` or `timedOut`.
        public func payment() async throws -> OneXGatePaymentSettings {
            try await api.perform(OneXGateOperations.settingsPayment, PathParameters())
        }
    }
}
