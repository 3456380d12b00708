/// Why a webhook was rejected, for callers that answer different rejections differently (for example, log
/// ``timestampTooOld`` as a clock problem but ``noMatchingSignature`` as a possible attack).
public enum WebhookRejectionReason: Hashable, Sendable, CustomStringConvertible {
    /// A header the scheme requires is absent; carries the header name.
    case missingHeader(String)
    /// A header is present but unusable (repeated with different values, empty, wrongly formatted); carries the
    /// header name.
    case malformedHeader(String)
    /// The timestamp header is not a whole number of seconds.
    case malformedTimestamp
    /// The timestamp is older than the tolerance allows (a possible replay).
    case timestampTooOld
    /// The timestamp is further in the future than the tolerance allows.
    case timestampTooNew
    /// The header carried no signature this scheme can compare (for example only `v2` entries).
    case noSupportedSignature
    /// No signature matched any configured secret.
    case noMatchingSignature
    /// The verified body is not the JSON the provider documents.
    case malformedPayload
    /// The provider's API, asked about the payment the webhook names, disagrees with the webhook in this field.
    case notConfirmedByProvider(field: String)
    /// The unsigned webhook names no payment the provider's API can confirm: the API answered that the payment does
    /// not exist (HTTP 404, or the provider's own "not found" answer such as the POS API's `err` in an HTTP 200),
    /// the webhook's id cannot name a payment (empty), or the notice is of a kind the API cannot look up (a Store
    /// Gateway dedicate notice). Never used for a lookup that merely failed (rate limited, a server error, a
    /// timeout, no connection, a POS address book without the payment): that throws the lookup's own error, so the
    /// provider delivers again.
    case lookupFailed
    /// The event was already processed (reported by an idempotency store).
    case duplicate

    /// A short English phrase for error messages.
    public var description: String {
        switch self {
        case .missingHeader(let name): "missing header \(name)"
        case .malformedHeader(let name): "malformed header \(name)"
        case .malformedTimestamp: "malformed timestamp"
        case .timestampTooOld: "timestamp too old"
        case .timestampTooNew: "timestamp too far in the future"
        case .noSupportedSignature: "no supported signature version"
        case .noMatchingSignature: "no matching signature"
        case .malformedPayload: "malformed payload"
        case .notConfirmedByProvider(let field): "not confirmed by the provider's API (\(field))"
        case .lookupFailed: "names a payment the provider does not know"
        case .duplicate: "duplicate event"
        }
    }
}
