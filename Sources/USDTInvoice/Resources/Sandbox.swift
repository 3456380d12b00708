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
            try await send("simulatePayment", "/sandbox/simulate-payment") {
                try FieldRules.notBlank(invoiceID, field: "invoiceId")
                if let delaySeconds, delaySeconds < 0 {
                    throw PaymentError.invalidRequest("delaySeconds must be 0 or more, got \(delaySeconds)")
                }
                return SimulatePaymentBody(invoiceId: invoiceID, delaySeconds: delaySeconds)
            }
        }

        /// Expires a test invoice now, `POST /api/v1/sandbox/trigger-expiry`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` with a live key or an empty id (nothing is sent); otherwise
        ///   as ``simulatePayment(invoiceID:delaySeconds:)``.
        public func triggerExpiry(invoiceID: String) async throws -> USDTInvoiceSandboxResult {
            try await send("triggerExpiry", "/sandbox/trigger-expiry") {
                try FieldRules.notBlank(invoiceID, field: "invoiceId")
                return TriggerExpiryBody(invoiceId: invoiceID)
            }
        }

        /// Sends a test webhook, `POST /api/v1/sandbox/test-webhook`.
        ///
        /// - Parameters:
        ///   - url: where to send it; the provider's choice (your callback URL) when `nil`.
        ///   - invoiceID: an invoice whose data the webhook carries; sample data when `nil`.
        /// - Throws: `PaymentError`: `invalidRequest` with a live key, an empty id or a URL over 500 characters
        ///   (nothing is sent); otherwise as ``simulatePayment(invoiceID:delaySeconds:)``.
        public func testWebhook(url: URL? = nil, invoiceID: String? = nil) async throws -> USDTInvoiceSandboxResult {
            try await send("testWebhook", "/sandbox/test-webhook") {
                if let invoiceID { try FieldRules.notBlank(invoiceID, field: "invoiceId") }
                try Validation.url(url, field: "url")
                return TestWebhookBody(url: url?.absoluteString, invoiceId: invoiceID)
            }
        }

        /// Refuses a live key, builds the body and sends it.
        private func send<Body: Encodable & Sendable>(
            _ action: String,
            _ path: String,
            body makeBody: () throws -> Body
        ) async throws -> USDTInvoiceSandboxResult {
            let operation = "sandbox.\(action)"
            let body = try client.api.validating(operation) {
                guard client.mode == .test else {
                    throw PaymentError.invalidRequest("the sandbox needs a test_ key; this client has a live_ key")
                }
                return try makeBody()
            }
            return try await client.api.send(Endpoint(operation, .post, client.path(path), body: .json(body)))
        }
    }
}
