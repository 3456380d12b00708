/// Why a webhook was rejected, for callers that answer different rejections differently (for example, log
/// ``timestampTooOld`` as a clock problem but ``noMatchingSignature`` as a possible attack).
///
/// A struct of constants rather than an enum, like ``PaymentError/Kind``, so that a reason added later does not
/// break a caller's exhaustive `switch`: switch with `case .timestampTooOld:` … and always a `default:`. Three
/// reasons carry a detail as a property: ``header`` for ``missingHeader`` and ``malformedHeader``, ``field`` for
/// ``notConfirmedByProvider``. In a `case`, the plain constant (`case .missingHeader:`) matches that reason whatever
/// its detail, and a built value (`case .missingHeader("svix-id"):`) matches only that detail; `==` always compares
/// the detail too.
public struct WebhookRejectionReason: Hashable, Sendable, CustomStringConvertible {
    /// The reason's name (`missingHeader`), the same for every detail.
    public let name: String
    /// For ``missingHeader`` and ``malformedHeader``: the header's name.
    public let header: String?
    /// For ``notConfirmedByProvider``: the field in which the provider's API disagrees with the webhook.
    public let field: String?

    private init(_ name: String, header: String? = nil, field: String? = nil) {
        self.name = name
        self.header = header
        self.field = field
    }

    /// A header the scheme requires is absent. As a `case` pattern it matches every header;
    /// ``missingHeader(_:)`` builds the value with the header's name.
    public static let missingHeader = WebhookRejectionReason("missingHeader")
    /// A header is present but unusable (repeated with different values, empty, wrongly formatted). As a `case`
    /// pattern it matches every header; ``malformedHeader(_:)`` builds the value with the header's name.
    public static let malformedHeader = WebhookRejectionReason("malformedHeader")
    /// The timestamp header is not a whole number of seconds.
    public static let malformedTimestamp = WebhookRejectionReason("malformedTimestamp")
    /// The timestamp is older than the tolerance allows (a possible replay).
    public static let timestampTooOld = WebhookRejectionReason("timestampTooOld")
    /// The timestamp is further in the future than the tolerance allows.
    public static let timestampTooNew = WebhookRejectionReason("timestampTooNew")
    /// The header carried no signature this scheme can compare (for example only `v2` entries).
    public static let noSupportedSignature = WebhookRejectionReason("noSupportedSignature")
    /// No signature matched any configured secret.
    public static let noMatchingSignature = WebhookRejectionReason("noMatchingSignature")
    /// The verified body is not the JSON the provider documents.
    public static let malformedPayload = WebhookRejectionReason("malformedPayload")
    /// The provider's API, asked about the payment the webhook names, disagrees with the webhook. As a `case`
    /// pattern it matches every field; ``notConfirmedByProvider(field:)`` builds the value with the field.
    public static let notConfirmedByProvider = WebhookRejectionReason("notConfirmedByProvider")
    /// The unsigned webhook names no payment the provider's API can confirm: the API answered that the payment does
    /// not exist (HTTP 404, or the provider's own "not found" answer such as the POS API's `err` in an HTTP 200),
    /// the webhook's id cannot name a payment (empty), or the notice is of a kind the API cannot look up (a Store
    /// Gateway dedicate notice). Never used for a lookup that merely failed (rate limited, a server error, a
    /// timeout, no connection, a POS address book without the payment): that throws the lookup's own error, so the
    /// provider delivers again.
    public static let lookupFailed = WebhookRejectionReason("lookupFailed")
    /// The event was already processed (reported by an idempotency store).
    public static let duplicate = WebhookRejectionReason("duplicate")

    /// ``missingHeader`` naming the absent header.
    public static func missingHeader(_ header: String) -> WebhookRejectionReason {
        WebhookRejectionReason("missingHeader", header: header)
    }

    /// ``malformedHeader`` naming the unusable header.
    public static func malformedHeader(_ header: String) -> WebhookRejectionReason {
        WebhookRejectionReason("malformedHeader", header: header)
    }

    /// ``notConfirmedByProvider`` naming the field in which the provider's API disagrees.
    public static func notConfirmedByProvider(field: String) -> WebhookRejectionReason {
        WebhookRejectionReason("notConfirmedByProvider", field: field)
    }

    /// Matches a `case` pattern: a constant without detail matches every reason of its name; a value with a detail
    /// matches only an equal one.
    public static func ~= (pattern: WebhookRejectionReason, value: WebhookRejectionReason) -> Bool {
        pattern.header == nil && pattern.field == nil ? pattern.name == value.name : pattern == value
    }

    /// A short English phrase for error messages.
    public var description: String {
        switch self {
        case .missingHeader: header.map { "missing header \($0)" } ?? "missing header"
        case .malformedHeader: header.map { "malformed header \($0)" } ?? "malformed header"
        case .malformedTimestamp: "malformed timestamp"
        case .timestampTooOld: "timestamp too old"
        case .timestampTooNew: "timestamp too far in the future"
        case .noSupportedSignature: "no supported signature version"
        case .noMatchingSignature: "no matching signature"
        case .malformedPayload: "malformed payload"
        case .notConfirmedByProvider:
            field.map { "not confirmed by the provider's API (\($0))" } ?? "not confirmed by the provider's API"
        case .lookupFailed: "names a payment the provider does not know"
        case .duplicate: "duplicate event"
        default: name
        }
    }
}
