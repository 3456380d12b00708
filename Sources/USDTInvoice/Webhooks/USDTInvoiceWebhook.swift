import CryptoPayCore
import Foundation

/// Verifies the provider's payment webhooks (`X-Webhook-Signature`: hex HMAC-SHA256 of the JSON body, keyed with
/// your webhook secret) and decodes them as ``USDTInvoiceWebhookEvent``.
///
/// ```swift
/// let webhook = try USDTInvoiceWebhook(secret: secretFromEnvironment)
/// let verified = try await webhook.verify(WebhookRequest(body: rawBody, headers: headers))
/// // verified.idempotencyKey: process each change once; answer HTTP 200 within 30 seconds.
/// ```
///
/// **Pass the body exactly as received.** The document's Node.js example computes the HMAC over
/// `JSON.stringify(req.body)`: the compact serialization of the parsed body. The signature is checked first over the
/// raw bytes (the provider sends compact JSON, so they are normally what it signed) and, only when that fails, over
/// the same bytes with the whitespace between JSON tokens removed (`JSONCompaction`), which is what
/// `JSON.stringify` gives for every payload the document shows even when the body arrived pretty-printed. Whichever
/// bytes verified are the bytes decoded; nothing is parsed before a signature matches, and both comparisons are
/// constant-time. A body that `JSON.stringify` would write differently in other ways still cannot verify: escaped
/// Unicode or slashes (`\u00e9`, `\/`, which it writes unescaped), number spellings (`1.0`, `1e2`, `150.0000` as a
/// number, which it writes `1`, `100`, `150`), and duplicate keys (it keeps the last).
///
/// The `VerifiedWebhook.idempotencyKey` is `<invoice_reference>:<status>` from the signed body: the same for every
/// delivery of one change of an invoice, whatever headers come with it. The `X-Webhook-Id` header (the id of the
/// delivery, kept when the provider retries, up to 10 times with exponential backoff) is only the
/// `VerifiedWebhook.deliveryID`: the signature covers no header and the scheme signs no time, so a captured body
/// replayed with a fresh id must not get a fresh key. The `X-Invoice-Reference` header, when sent, must equal the
/// signed body's `invoice_reference`, which ``USDTInvoiceWebhookEvent/invoiceReference`` then carries. The secrets
/// never appear in descriptions or errors.
public struct USDTInvoiceWebhook: WebhookAuthenticator, CustomStringConvertible, CustomReflectable {
    /// The delivery id header.
    public static let webhookIDHeaderName = "X-Webhook-Id"
    /// The invoice reference header.
    public static let invoiceReferenceHeaderName = "X-Invoice-Reference"

    private let verifier: WebhookVerifier<USDTInvoiceWebhookEvent>

    /// Creates a verifier for one or more webhook secrets (more than one while a secret is being regenerated; any
    /// match accepts).
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` when no secret is given or a secret is empty.
    public init(secrets: [String]) throws {
        let scheme = try HMACHeaderSignatureScheme(
            headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName,
            secrets: secrets,
            provider: .usdtInvoice
        )
        verifier = WebhookVerifier(scheme: scheme, alternateBody: JSONCompaction.compact) { event, _, _ in
            "\(event.invoiceReference):\(event.status.rawValue)"
        }
    }

    /// Creates a verifier for one webhook secret.
    ///
    /// - Throws: as ``init(secrets:)``.
    public init(secret: String) throws {
        try self.init(secrets: [secret])
    }

    /// Checks the signature over the raw body (then over its compact form), and decodes the bytes that verified.
    ///
    /// - Throws: `PaymentError` of kind `webhookRejected`: `missingHeader` or `malformedHeader` for the
    ///   signature header, `noMatchingSignature` when neither the raw nor the compact body matches, `malformedPayload`
    ///   when the authentic body is not a payment webhook, or `malformedHeader("X-Invoice-Reference")` when that
    ///   header contradicts the signed body.
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
