import CryptoPayCore

/// The body of `POST /api/v1/sandbox/simulate-payment`.
struct SimulatePaymentBody: Codable, Hashable, Sendable {
    /// The test invoice to mark as paid.
    var invoiceId: String
    /// Seconds to wait before confirming; the provider confirms at once when absent.
    var delaySeconds: Int?
}

/// The body of `POST /api/v1/sandbox/trigger-expiry`.
struct TriggerExpiryBody: Codable, Hashable, Sendable {
    /// The test invoice to expire.
    var invoiceId: String
}

/// The body of `POST /api/v1/sandbox/test-webhook`.
struct TestWebhookBody: Codable, Hashable, Sendable {
    /// Where to send the test webhook; the account's callback URL when absent.
    var url: String?
    /// An invoice whose data the test webhook carries; sample data when absent.
    var invoiceId: String?
}
