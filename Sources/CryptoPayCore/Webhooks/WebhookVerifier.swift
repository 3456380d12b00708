import Foundation

/// Verifies a webhook's signature and then decodes its raw body as `Event`.
///
/// The order matters: nothing is decoded before the signature is checked, and the body decoded is the same bytes
/// that were verified, so the returned event is exactly what the provider signed.
public struct WebhookVerifier<Event: Decodable & Sendable>: Sendable {
    /// The signature scheme checked before decoding.
    public let scheme: any WebhookSignatureScheme
    /// The decoder for the body; shared safely across concurrent deliveries.
    public let decoder: JSONDecoder

    /// Creates a verifier for a scheme and a decoder.
    public init(scheme: any WebhookSignatureScheme, decoder: JSONDecoder = JSONCoding.makeDecoder()) {
        self.scheme = scheme
        self.decoder = decoder
    }

    /// Verifies `request` with ``scheme`` and decodes its body.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected(_:)``: the scheme's reason when the
    ///   signature or timestamp is rejected, or ``WebhookRejectionReason/malformedPayload`` (with the coding path of
    ///   the failing field in the message) when an authentic body is not a valid `Event`.
    public func verify(_ request: WebhookRequest) throws -> Event {
        try scheme.verify(request, as: Event.self, decoder: decoder)
    }
}

extension WebhookSignatureScheme {
    /// Verifies `request` and decodes its body as `type`; see ``WebhookVerifier``.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected(_:)``: this scheme's rejection, or
    ///   ``WebhookRejectionReason/malformedPayload`` when the verified body does not decode.
    public func verify<Event: Decodable>(
        _ request: WebhookRequest,
        as type: Event.Type,
        decoder: JSONDecoder = JSONCoding.makeDecoder()
    ) throws -> Event {
        try verify(request)
        do {
            return try decoder.decode(type, from: request.body)
        } catch let error as DecodingError {
            throw PaymentError.webhookRejected(
                .malformedPayload,
                "The webhook body is authentic but is not a valid \(type): \(ErrorMapping.describe(error))",
                provider: provider
            )
        } catch {
            throw PaymentError.webhookRejected(
                .malformedPayload,
                "The webhook body is authentic but is not a valid \(type).",
                provider: provider
            )
        }
    }
}
