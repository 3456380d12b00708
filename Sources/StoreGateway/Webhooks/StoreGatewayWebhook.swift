import CryptoPayCore
import Foundation

/// Verifies Store Gateway webhooks, signed with the store's webhook secret in `X-Webhook-HMAC-SHA256` (HMAC-SHA256
/// of the raw body), and decodes them as ``StoreGatewayWebhookEvent``.
///
/// ```swift
/// let webhook = try StoreGatewayWebhook(secret: webhookSecret)
/// let verified = try await webhook.verify(WebhookRequest(body: rawBody, headers: headers))
/// // Process verified.event once per verified.idempotencyKey, then answer HTTP 200.
/// ```
///
/// Pass the body exactly as received: the signature covers its bytes. A delivery without the header is rejected:
/// the service omits it only for stores with no webhook secret, and such deliveries cannot be told from forged
/// ones. The service retries a delivery up to ten times until it gets HTTP 200, and sends no delivery ID, so
/// ``VerifiedWebhook/idempotencyKey`` is ``StoreGatewayWebhookEvent/idempotencyKey`` (payment ID, event, status and
/// amount received), or `sha256:` and the hex SHA-256 of the body for a delivery the document does not describe.
/// The secrets never appear in descriptions, mirrors or errors.
public struct StoreGatewayWebhook: WebhookAuthenticator, CustomStringConvertible {
    private let verifier: WebhookVerifier<StoreGatewayWebhookEvent>

    /// Creates a verifier for one or more webhook secrets (more than one while the secret is changed).
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when no secret is given or a secret is empty.
    public init(secrets: [String]) throws {
        let scheme = try HMACHeaderSignatureScheme(
            headerName: HMACHeaderSignatureScheme.storeGatewayHeaderName,
            secrets: secrets,
            provider: .storeGateway
        )
        verifier = WebhookVerifier(scheme: scheme) { event, _, request in
            event.idempotencyKey ?? "sha256:" + SHA256.hash(request.body).map(Self.hexDigits).joined()
        }
    }

    private static func hexDigits(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return byte < 16 ? "0" + digits : digits
    }

    /// Creates a verifier for the store's webhook secret (Settings → Webhook).
    ///
    /// - Throws: as ``init(secrets:)``.
    public init(secret: String) throws {
        try self.init(secrets: [secret])
    }

    /// Checks the signature over the raw body, then decodes the same bytes.
    ///
    /// - Throws: ``PaymentError`` of kind `webhookRejected`: `missingHeader` without `X-Webhook-HMAC-SHA256`,
    ///   `malformedHeader` when it is not an HMAC-SHA256 in hex or base64, `noMatchingSignature` when it matches no
    ///   secret (a tampered body, another secret), `malformedPayload` when an authentic body is not JSON or a
    ///   documented event's payment is malformed.
    public func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<StoreGatewayWebhookEvent> {
        try verifier.verify(request)
    }

    /// `StoreGatewayWebhook(X-Webhook-HMAC-SHA256)`: never the secrets.
    public var description: String { "StoreGatewayWebhook(\(HMACHeaderSignatureScheme.storeGatewayHeaderName))" }
}
