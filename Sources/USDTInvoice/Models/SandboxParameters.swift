import CryptoPayCore

/// The body of `POST /api/v1/sandbox/simulate-payment`.
struct SimulatePaymentBody: Codable, Hashable, Sendable, OperationParameters {
    /// The test invoice to mark as paid.
    var invoiceId: String
    /// Seconds to wait before confirming; the provider confirms at once when absent.
    var delaySeconds: Int?

    func validated() throws -> Self {
        try FieldRules.notBlank(invoiceId, field: "invoiceId")
        if let delaySeconds, delaySeconds < 0 {
            throw PaymentError.invalidRequest("delaySeconds must be 0 or more, got \(delaySeconds)")
        }
        return self
    }
}

/// The body of `POST /api/v1/sandbox/trigger-expiry`.
struct TriggerExpiryBody: Codable, Hashable, Sendable, OperationParameters {
    /// The test invoice to expire.
    var invoiceId: String

    func validated() throws -> Self {
        try FieldRules.notBlank(invoiceId, field: "invoiceId")
        return self
    }
}

/// The body of `POST /api/v1/sandbox/test-webhook`.
struct TestWebhookBody: Codable, Hashable, Sendable, OperationParameters {
    /// Where to send the test webhook; the account's callback URL when absent.
    var url: String?
    /// An invoice whose data the test webhook carries; sample data when absent.
    var invoiceId: String?

    func validated() throws -> Self {
        if let invoiceId { try FieldRules.notBlank(invoiceId, field: "invoiceId") }
        try Validation.url(url, field: "url")
        return self
    }
}
