import CryptoPayCore
import Foundation

extension USDTInvoiceClient {
    /// Your merchant account, `/api/v1/account`: details and statistics, and the recent API request log. The
    /// document gives no rate limit for these calls.
    public struct Account: Sendable {
        let client: USDTInvoiceClient

        /// Your account's details and statistics, `GET /api/v1/account`.
        ///
        /// - Throws: `PaymentError`: `authentication` for a wrong key, `permission` for a suspended account,
        ///   otherwise as any call (`rateLimited`, `server`, `transport`, `decoding` when the body is not a JSON
        ///   object).
        public func retrieve() async throws -> USDTInvoiceAccount {
            try await client.perform(USDTInvoiceOperations.accountRetrieve, PathParameters())
        }

        /// Your most recent API requests, newest first as the provider orders them,
        /// `GET /api/v1/account/api-logs?limit=`.
        ///
        /// The document does not show the response; a bare array and an object holding the entries (under `data`,
        /// `items` or `logs`) are both read.
        ///
        /// - Parameter limit: how many entries, at least 1 (the document's example asks for 50).
        /// - Throws: `PaymentError`: `invalidRequest` for a limit below 1 (nothing is sent), otherwise as
        ///   ``retrieve()``.
        public func apiLogs(limit: Int = 50) async throws -> [USDTInvoiceAPILog] {
            try await client.perform(USDTInvoiceOperations.accountAPILogs, LogQuery(limit: limit)).items
        }
    }
}
