import CryptoPayCore
import Foundation

/// Verifies the provider's payment webhooks (`X-Webhook-Signature`: hex HMAC-SHA256 of the body, keyed with your
/// webhook secret) and decodes them as ``USDTInvoiceWebhookEvent``.
///
/// ```swift
/// let webhook = try USDTInvoiceWebhook(secret: secretFromEnvironment)
/// let verified = try await webhook.verify(WebhookRequest(body: rawBody, headers: headers))
/// // verified.idempotencyKey: process each delivery once; answer HTTP 200 within 30 seconds.
/// ```
///
/// **Pass the body exactly as received.** The document's Node.js example computes the HMAC over
/// `JSON.stringify(body)`, the body parsed and written again. That only works in Node because the provider sends
/// compact JSON that `JSON.stringify` happens to reproduce byte for byte. The provider signs the bytes it sends, so
/// this type verifies those raw bytes: re-serialising first (another JSON library, sorted keys, spaces, escaped
/// slashes or Unicode, numbers written differently such as `150.0000` as `150`) yields other bytes and a valid
/// webhook would be rejected, and an attacker's body that serialises the same way would be judged by what your
/// parser made of it rather than what was signed. The comparison is constant-time.
///
/// The result's ``VerifiedWebhook/deliveryID`` is the `X-Webhook-Id` header, the id of the delivery, which the
/// provider keeps when it retries a failed delivery (up to 10 times, with exponential backoff). It is also the
/// ``VerifiedWebhook/idempotencyKey``; without the header the key is `<invoice_reference>/<status>` from the signed
/// body. Neither header is covered by the signature, so make the effect itself idempotent too (an invoice is paid
/// once). The `X-Invoice-Reference` header, when sent, must equal the signed body's `invoice_reference`, which
/// ``USDTInvoiceWebhookEvent/invoiceReference`` then carries. The secrets never appear in descriptions or errors.
public struct USDTInvoiceWebhook: WebhookAuthenticator, CustomStringConvertible, CustomReflectable {
    /// The delivery id header.
    public static let webhookIDHeaderName = "X-Webhook-Id"
    /// The invoice reference header.
    public static let invoiceReferenceHeaderName = "X-Invoice-Reference"

    private let verifier: WebhookVerifier<USDTInvoiceWebhookEvent>

    /// Creates a verifier for one or more webhook secrets (more than one while a secret is being regenerated; any
    /// match accepts).
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when no secret is given or a secret is empty.
    public init(secrets: [String]) throws {
        let scheme = try HMACHeaderSignatureScheme(
            headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName,
            secrets: secrets,
            provider: .usdtInvoice
        )
        verifier = WebhookVerifier(scheme: scheme) { event, _, request in
            Self.header(Self.webhookIDHeaderName, in: request) ?? "\(event.invoiceReference)/\(event.status)"
        }
    }

    /// Creates a verifier for one webhook secret.
    ///
    /// - Throws: as ``init(secrets:)``.
    public init(secret: String) throws {
        try self.init(secrets: [secret])
    }

    /// Checks the signature over the raw body, then decodes the same bytes as an event.
    ///
    /// - Throws: ``PaymentError`` of kind `webhookRejected`: `missingHeader` or `malformedHeader` for the
    ///   signature header, `noMatchingSignature`, `malformedPayload` when the authentic body is not a payment
    ///   webhook, or `malformedHeader("X-Invoice-Reference")` when that header contradicts the signed body.
    public func verify(_ request: WebhookRequest) async throws -> VerifiedWebhook<USDTInvoiceWebhookEvent> {
        var verified = try verifier.verify(request)
        let name = Self.invoiceReferenceHeaderName
        if let header = Self.header(name, in: request), header != verified.event.invoiceReference {
            throw PaymentError.webhookRejected(
                .malformedHeader(name),
                "The \(name) header names another invoice than the signed body.",
                provider: .usdtInvoice
            )
        }
        verified.deliveryID = Self.header(Self.webhookIDHeaderName, in: request)
        return verified
    }

    /// A header's value without surrounding spaces; `nil` when absent or empty.
    private static func header(_ name: String, in request: WebhookRequest) -> String? {
        guard let value = request.headers[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// `USDTInvoiceWebhook(X-Webhook-Signature)`; the secrets are never shown.
    public var description: String { "USDTInvoiceWebhook(\(HMACHeaderSignatureScheme.usdtInvoiceHeaderName))" }

    /// A mirror with the header name only, so that `dump` and debuggers cannot print the secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["headerName": HMACHeaderSignatureScheme.usdtInvoiceHeaderName], displayStyle: .struct)
    }
}
