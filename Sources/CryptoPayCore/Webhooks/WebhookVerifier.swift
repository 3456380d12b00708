import Foundation

/// Verifies a webhook's signature and then decodes its raw body as `Event`.
///
/// The order matters: nothing is decoded before the signature is checked, and the body decoded is the same bytes
/// that were verified, so the returned event is exactly what the provider signed.
package struct WebhookVerifier<Event: Decodable & Sendable>: Sendable {
    /// Builds the idempotency key of a verified delivery from the event, the signature's result and the request
    /// whose body is the bytes that verified. Build it from signed content only: the body, or what the scheme signs.
    package typealias KeyMaker = @Sendable (Event, VerifiedSignature, WebhookRequest) -> String
    /// Another form of the body that the provider may have signed instead of the bytes it sent, or `nil`.
    package typealias AlternateBody = @Sendable (Data) -> Data?

    /// The signature scheme checked before decoding.
    package let scheme: any WebhookSignatureScheme
    /// The decoder for the body; shared safely across concurrent deliveries.
    package let decoder: JSONDecoder
    private let alternateBody: AlternateBody?
    private let idempotencyKey: KeyMaker

    /// Creates a verifier for a scheme, a decoder and the provider's idempotency key.
    ///
    /// - Parameter alternateBody: when the raw bytes match no signature, the form of them to verify next (for a
    ///   provider that signs a re-serialization of what it sends); its bytes, when they verify, are what is decoded.
    package init(
        scheme: any WebhookSignatureScheme,
        decoder: JSONDecoder = JSONCoding.makeDecoder(),
        alternateBody: AlternateBody? = nil,
        idempotencyKey: @escaping KeyMaker
    ) {
        self.scheme = scheme
        self.decoder = decoder
        self.alternateBody = alternateBody
        self.idempotencyKey = idempotencyKey
    }

    /// Verifies `request` with ``scheme`` (and, when the raw bytes match no signature, the alternate body) and
    /// decodes the bytes that verified.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected``: the scheme's reason when the
    ///   signature or timestamp is rejected (for the raw bytes, when neither form verifies), or
    ///   ``WebhookRejectionReason/malformedPayload`` (with the coding path of the failing field in the message) when
    ///   an authentic body is not a valid `Event`.
    package func verify(_ request: WebhookRequest) throws -> VerifiedWebhook<Event> {
        let (signature, verified) = try authenticate(request)
        let event = try WebhookPayload.decode(
            Event.self, from: verified.body, decoder: decoder, provider: scheme.provider)
        return VerifiedWebhook(
            event: event,
            idempotencyKey: idempotencyKey(event, signature, verified),
            deliveryID: signature.deliveryID,
            timestamp: signature.timestamp,
            authentication: .signature
        )
    }

    /// The signature's result and the request with the body that verified.
    private func authenticate(_ request: WebhookRequest) throws -> (VerifiedSignature, WebhookRequest) {
        do {
            return (try scheme.verify(request), request)
        } catch let rawFailure as PaymentError where rawFailure.webhookRejection == .noMatchingSignature {
            guard let body = alternateBody?(request.body), body != request.body else { throw rawFailure }
            var alternate = request
            alternate.body = body
            guard let signature = try? scheme.verify(alternate) else { throw rawFailure }
            return (signature, alternate)
        }
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
