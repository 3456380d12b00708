import CryptoPayCore
import Foundation

/// Verifies UseGateway webhooks (Svix signatures: `svix-id`, `svix-timestamp`, `svix-signature`) and decodes them
/// as ``UseGatewayWebhookEvent``.
///
/// ```swift
/// let webhook = try UseGatewayWebhook(secret: "whsec_…")
/// let verified = try await webhook.verify(WebhookRequest(body: rawBody, headers: headers))
/// // verified.idempotencyKey is the svix-id: process each delivery once.
/// ```
///
/// Pass the body exactly as received: the signature covers its bytes. The secrets never appear in descriptions or
/// errors.
public struct UseGatewayWebhook: WebhookAuthenticator {
    private let verifier: WebhookVerifier<UseGatewayWebhookEvent>

    /// Creates a verifier for one or more endpoint secrets (`whsec_…`; more than one while a secret is rotated).
    ///
    /// - Parameters:
    ///   - secrets: the endpoint's signing secrets, `whsec_` followed by base64.
    ///   - tolerance: how far the `svix-timestamp` may differ from the clock's time, either way.
    ///   - clock: the time the timestamp is compared with; inject a fixed one in tests.
    /// - Throws: `PaymentError` of kind `invalidRequest` when no secret is given, a secret is not base64, or the
    ///   tolerance is negative.
    public init(
        secrets: [String],
        tolerance: Duration = SvixSignatureScheme.defaultTolerance,
        clock: WaitClock = .system
    ) throws {
        let scheme = try SvixSignatureScheme(
            secrets: secrets, tolerance: tolerance, provider: .useGateway, clock: clock)
        verifier = WebhookVerifier(scheme: scheme) { _, signature, _ in signature.deliveryID ?? "" }
    }

    /// Creates a verifier for one endpoint secret.
    ///
    /// - Throws: as ``init(secrets:tolerance:clock:)``.
    public init(
        secret: String,
        tolerance: Duration = SvixSignatureScheme.defaultTolerance,
        clock: WaitClock = .system
    ) throws {
        try self.init(secrets: [secret], tolerance: tolerance, clock: clock)
    }

    /// Checks the signature and timestamp of a delivery, then decodes the same bytes as an event. The result carries
    /// the `svix-id` as `VerifiedWebhook.deliveryID` and `VerifiedWebhook.idempotencyKey`, and the signed
    /// `svix-timestamp`.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected`: a missing or malformed header, a timestamp outside the
    ///   tolerance, no matching signature, or `malformedPayload` when the authentic body is not a UseGateway event.
    public func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<UseGatewayWebhookEvent> {
        try verifier.verify(request)
    }
}
