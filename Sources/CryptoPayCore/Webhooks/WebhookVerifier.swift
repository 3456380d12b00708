import Foundation

/// Verifies a webhook's signature and then decodes its raw body as `Event`.
///
/// The order matters: nothing is decoded before the signature is checked, and the body decoded is the same bytes
/// that were verified, so the returned event is exactly what the provider signed.
package struct WebhookVerifier<Event: Decodable & Sendable>: Sendable {
    /// Builds the idempotency key of a verified delivery.
    package typealias KeyMaker = @Sendable (Event, VerifiedSignature, WebhookRequest) -> String

    /// The signature scheme checked before decoding.
    package let scheme: any WebhookSignatureScheme
    /// The decoder for the body; shared safely across concurrent deliveries.
    package let decoder: JSONDecoder
    private let idempotencyKey: KeyMaker

    /// Creates a verifier for a scheme, a decoder and the provider's idempotency key.
    package init(
        scheme: any WebhookSignatureScheme,
        decoder: JSONDecoder = JSONCoding.makeDecoder(),
        idempotencyKey: @escaping KeyMaker
    ) {
        self.scheme = scheme
        self.decoder = decoder
        self.idempotencyKey = idempotencyKey
    }

    /// Verifies `request` with ``scheme`` and decodes its body.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected``: the scheme's reason when the
    ///   signature or timestamp is rejected, or ``WebhookRejectionReason/malformedPayload`` (with the coding path of
    ///   the failing field in the message) when an authentic body is not a valid `Event`.
    package func verify(_ request: WebhookRequest) throws -> VerifiedWebhook<Event> {
        let signature = try scheme.verify(request)
        let event = try WebhookPayload.decode(
            Event.self, from: request.body, decoder: decoder, provider: scheme.provider)
        return VerifiedWebhook(
            event: event,
            idempotencyKey: idempotencyKey(event, signature, request),
            deliveryID: signature.deliveryID,
            timestamp: signature.timestamp,
            authentication: .signature
        )
    }
}

/// Decodes webhook bodies, turning every failure into a ``WebhookRejectionReason/malformedPayload`` rejection.
package enum WebhookPayload {
    /// Decodes `body` as `type`.
    ///
    /// The body must be UTF-8 JSON as RFC 8259 requires of JSON exchanged between systems: no byte-order mark and no
    /// other encoding. `JSONDecoder` would accept a BOM and UTF-16 or UTF-32 text, so the same bytes could mean one
    /// thing here and another to a log, an archive or a second parser; such a body is refused rather than guessed at.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` with reason
    ///   ``WebhookRejectionReason/malformedPayload``: for a body over ``WebhookRequest/maximumBodyBytes``, with a
    ///   byte-order mark or NUL bytes (UTF-16 or UTF-32 text), or that is not a valid `type`, naming the failing
    ///   field.
    package static func decode<Value: Decodable>(
        _ type: Value.Type,
        from body: Data,
        decoder: JSONDecoder,
        provider: ProviderID?
    ) throws -> Value {
        try WebhookRequest.checkBodySize(body.count, provider: provider)
        guard !body.starts(with: utf8BOM), !body.starts(with: [0xFE, 0xFF]), !body.starts(with: [0xFF, 0xFE]),
            !body.contains(0)
        else {
            throw PaymentError.webhookRejected(
                .malformedPayload,
                "The webhook body is not UTF-8 JSON without a byte-order mark.",
                provider: provider
            )
        }
        do {
            return try decoder.decode(type, from: body)
        } catch let error as DecodingError {
            throw PaymentError.webhookRejected(
                .malformedPayload,
                "The webhook body is not a valid \(type): \(ErrorMapping.describe(error))",
                provider: provider
            )
        } catch {
            throw PaymentError.webhookRejected(
                .malformedPayload,
                "The webhook body is not a valid \(type).",
                provider: provider
            )
        }
    }
}

/// The UTF-8 encoding of U+FEFF, the byte-order mark.
private let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
