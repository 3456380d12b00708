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
    public init(scheme: any WebhookSignatureScheme, decoder: JSONDecoder = JSONDecoder()) {
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
        decoder: JSONDecoder = JSONDecoder()
    ) throws -> Event {
        try verify(request)
        do {
            return try decoder.decode(type, from: request.body)
        } catch let error as DecodingError {
            throw PaymentError.webhookRejected(
                .malformedPayload,
                "The webhook body is authentic but is not a valid \(type): \(describe(error))"
            )
        } catch {
            throw PaymentError.webhookRejected(
                .malformedPayload,
                "The webhook body is authentic but is not a valid \(type)."
            )
        }
    }
}

/// The coding path and the decoder's explanation, without the underlying error's value dumps.
private func describe(_ error: DecodingError) -> String {
    let (context, problem): (DecodingError.Context, String) =
        switch error {
        case .typeMismatch(let expected, let context): (context, "expected \(expected)")
        case .valueNotFound(let expected, let context): (context, "missing \(expected) value")
        case .keyNotFound(let key, let context): (context, "missing key \(key.stringValue)")
        case .dataCorrupted(let context): (context, "corrupted data")
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "decoding failed")
        }
    var path = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
        .joined(separator: ".")
    if path.isEmpty { path = "(root)" }
    let detail = context.debugDescription.isEmpty ? "" : " (\(context.debugDescription))"
    return "at \(path): \(problem)\(detail)"
}
