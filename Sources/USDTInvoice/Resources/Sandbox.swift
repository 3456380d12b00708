import CryptoPayCore
import Foundation

extension USDTInvoiceClient {
    /// Test-mode helpers, `/api/v1/sandbox`: pay or expire a test invoice without a blockchain, and send a test
    /// webhook. Rate limit: 60 per minute for all of them (class `sandbox`).
    ///
    /// Only a `test_` key may use them: with a `live_` key every call is refused before anything is sent.
    public struct Sandbox: Sendable {
        let client: USDTInvoiceClient

        /// Marks a test invoice paid, `POST /api/v1/sandbox/simulate-payment`, and sends its webhook as in
        /// production.
        ///
        /// - Parameters:
        ///   - invoiceID: the test invoice's id.
        ///   - delaySeconds: how long the provider waits before confirming, 0 or more; at once when `nil`.
        /// - Throws: `PaymentError`: `invalidRequest` with a live key, an empty id or a negative delay (nothing is
        ///   sent); `validation`, `notFound` or any other kind the provider answers with.
        public func simulatePayment(invoiceID: String, delaySeconds: Int? = nil) async throws
            -> USDTInvoiceSandboxResult
        {
            try await client.perform(
                USDTInvoiceOperations.sandboxSimulatePayment,
                SimulatePaymentBody(invoiceId: invoiceID, delaySeconds: delaySeconds)
            )
        }

        /// Expires a test invoice now, `POST /api/v1/sandbox/trigger-expiry`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` with a live key or an empty id (nothing is sent); otherwise
        ///   as ``simulatePayment(invoiceID:delaySeconds:)``.
        public func triggerExpiry(invoiceID: String) async throws -> USDTInvoiceSandboxResult {
            try await client.perform(
                USDTInvoiceOperations.sandboxTriggerExpiry, TriggerExpiryBody(invoiceId: invoiceID))
        }

        /// Sends a test webhook, `POST /api/v1/sandbox/test-webhook`.
        ///
        /// - Parameters:
        ///   - url: where to send it; the provider's choice (your callback URL) when `nil`.
        ///   - invoiceID: an invoice whose data the webhook carries; sample data when `nil`.
        /// - Throws: `PaymentError`: `invalidRequest` with a live key, an empty id or a URL over 500 characters
        ///   (nothing is sent); otherwise as ``simulatePayment(invoiceID:delaySeconds:)``.
        public func testWebhook(url: URL? = nil, invoiceID: String? = nil) async throws -> USDTInvoiceSandboxResult {
            try await client.perform(
                USDTInvoiceOperations.sandboxTestWebhook,
                TestWebhookBody(url: url?.absoluteString, invoiceId: invoiceID))
        }
    }
}
