import Foundation

/// The one error type every CryptoPay API throws (apart from `CancellationError` when the caller's task is
/// cancelled).
///
/// Switch on ``kind`` to decide what to do; the other properties give context for logs and support tickets. The
/// ``description`` is one line naming the operation and the cause and never contains a credential: request URLs
/// are redacted and no header is ever copied into an error.
public struct PaymentError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, in the categories a caller acts on.
    ///
    /// A struct of constants rather than an enum, so that a kind added later does not break a caller's exhaustive
    /// `switch`: switch with `case .authentication:` … and always a `default:`. The details a kind carries are
    /// properties of the error: ``PaymentError/fieldErrors`` for ``validation``, ``PaymentError/retryAfter`` for
    /// ``rateLimited``, ``PaymentError/transportFailure`` for ``transport`` and ``PaymentError/webhookRejection`` for
    /// ``webhookRejected``.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        /// The kind's name as written in descriptions and JSON (`rateLimited`).
        public let name: String

        private init(_ name: String) {
            self.name = name
        }

        /// The credentials were missing or wrong (HTTP 401, or a provider's own "invalid key" answer).
        public static let authentication = Kind("authentication")
        /// The credentials are valid but not allowed to do this (HTTP 403).
        public static let permission = Kind("permission")
        /// The object does not exist or was removed (HTTP 404, 410).
        public static let notFound = Kind("notFound")
        /// The provider rejected the request's content (HTTP 400, 422); ``PaymentError/fieldErrors`` names the
        /// fields.
        public static let validation = Kind("validation")
        /// The request conflicts with the object's state (HTTP 409, or a provider code saying so).
        public static let conflict = Kind("conflict")
        /// Too many requests (HTTP 429); ``PaymentError/retryAfter`` is the provider's `Retry-After`, when sent.
        public static let rateLimited = Kind("rateLimited")
        /// The provider failed (HTTP 5xx, or an unexpected status or non-JSON page in its place).
        public static let server = Kind("server")
        /// No HTTP response arrived; ``PaymentError/transportFailure`` says why.
        public static let transport = Kind("transport")
        /// A response arrived but is not what the provider documents (malformed JSON, wrong type, missing field).
        public static let decoding = Kind("decoding")
        /// The request was refused before anything was sent (client-side validation, bad configuration), or the
        /// provider called it malformed in a way that is not about a field (HTTP 405, 406, 415 and other 4xx).
        public static let invalidRequest = Kind("invalidRequest")
        /// A webhook failed verification; nothing in it may be trusted. ``PaymentError/webhookRejection`` says why.
        public static let webhookRejected = Kind("webhookRejected")
        /// A call or a wait did not finish within its overall deadline (all tries and waits together, or a poll for
        /// a final status).
        public static let timedOut = Kind("timedOut")

        /// The name.
        public var description: String { name }
    }

    /// Whether the failed request may have taken effect at the provider. There is no `applied`: a request known to
    /// have taken effect is not an error.
    public enum Outcome: String, Hashable, Sendable, CustomStringConvertible {
        /// Nothing happened: refused client-side, answered with a 4xx, never sent, or a read-only request.
        case notApplied
        /// A state-changing request may have taken effect (a 5xx, a timeout after sending, a connection lost
        /// mid-response, an unreadable success body). Look the object up before trying again.
        case unknown

        /// The outcome of a failure, by the one rule every client follows: only a request that changes state
        /// (``TransportRequest/isIdempotent`` false) and got no clear answer — a server error, a transport failure
        /// other than one proving the request never left, or an unreadable success body — is ``unknown``.
        package static func of(
            _ kind: Kind,
            transportFailure: TransportFailure? = nil,
            isIdempotent: Bool
        ) -> Outcome {
            guard !isIdempotent else { return .notApplied }
            switch kind {
            case .server, .decoding, .timedOut: return .unknown
            case .transport: return transportFailure?.requestNeverSent == true ? .notApplied : .unknown
            default: return .notApplied
            }
        }

        /// The raw name.
        public var description: String { rawValue }
    }

    /// The method and redacted URL path of the request that failed.
    public struct RequestSummary: Hashable, Sendable, CustomStringConvertible {
        /// The HTTP method.
        public var method: String
        /// The path and query, with credential-like query values replaced by `[REDACTED]`.
        public var path: String

        /// Creates a summary; `path` must already be redacted.
        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }

        /// `METHOD /path?query`.
        public var description: String { "\(method) \(path)" }
    }

    /// The longest response body an error keeps, in UTF-8 bytes.
    public static let maximumBodyLength = 4096

    /// The category to act on.
    public var kind: Kind
    /// Whether the request may have taken effect; ``Outcome/unknown`` means look the object up before retrying.
    public var outcome: Outcome
    /// The provider that failed, when the error came from a provider client.
    public var provider: ProviderID?
    /// The client operation that failed, such as `payments.create`.
    public var operation: String?
    /// The HTTP status the provider answered with, when a response arrived.
    public var httpStatus: Int?
    /// The provider's own machine-readable error code, when its error body has one.
    public var providerCode: String?
    /// A human-readable explanation: the provider's message when it sent one, otherwise ours.
    public var message: String
    /// The fields the provider (or a client-side check) rejected; empty for most kinds.
    public var fieldErrors: [FieldError]
    /// For ``Kind/rateLimited``: how long the provider asked to wait (`Retry-After`), when it said.
    public var retryAfter: Duration?
    /// For ``Kind/transport``: why no response arrived.
    public var transportFailure: TransportFailure?
    /// For ``Kind/webhookRejected``: why the webhook was rejected.
    public var webhookRejection: WebhookRejectionReason?
    /// The request that failed, when one was built.
    public var request: RequestSummary?
    /// The description of the error behind this one, when another error caused it: the URL-loading error behind a
    /// ``Kind/transport`` failure of ``URLSessionTransport``, or the error of another type that a custom transport or
    /// middleware threw. A provider client replaces its credentials in it with `[REDACTED]`, as in ``message``.
    public var underlyingDescription: String?
    /// The response body as text, cut at ``maximumBodyLength`` bytes, with the values of credential-like JSON members
    /// (`access_token`, `api_key`, …) replaced by `[REDACTED]`.
    public private(set) var responseBody: String?

    /// Creates an error. `responseBody` is redacted (credential-like JSON members) and cut at ``maximumBodyLength``
    /// bytes.
    public init(
        _ kind: Kind,
        message: String,
        provider: ProviderID? = nil,
        operation: String? = nil,
        httpStatus: Int? = nil,
        providerCode: String? = nil,
        fieldErrors: [FieldError] = [],
        retryAfter: Duration? = nil,
        outcome: Outcome = .notApplied,
        request: RequestSummary? = nil,
        responseBody: Data? = nil
    ) {
        self.kind = kind
        self.outcome = outcome
        self.message = message
        self.provider = provider
        self.operation = operation
        self.httpStatus = httpStatus
        self.providerCode = providerCode
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
        self.request = request
        self.responseBody = responseBody.map { body in
            let redacted = Redactor.redactedBody(body, keepingAtMost: Self.maximumBodyLength)
            return Self.truncatedText(redacted, cut: body.count > Self.maximumBodyLength)
        }
    }

    /// A client-side refusal: nothing was sent.
    public static func invalidRequest(_ message: String, operation: String? = nil) -> PaymentError {
        PaymentError(.invalidRequest, message: message, operation: operation)
    }

    /// A request that got no HTTP response, for ``HTTPTransport`` implementations; `underlyingDescription` is the
    /// description of the platform's error behind the failure, when there is one.
    public static func transport(
        _ failure: TransportFailure,
        message: String,
        request: RequestSummary? = nil,
        underlyingDescription: String? = nil
    ) -> PaymentError {
        var error = PaymentError(.transport, message: message, request: request)
        error.transportFailure = failure
        error.underlyingDescription = underlyingDescription
        return error
    }

    /// A webhook rejection with the reason and an explanation.
    public static func webhookRejected(
        _ reason: WebhookRejectionReason,
        _ message: String,
        provider: ProviderID? = nil
    ) -> PaymentError {
        var error = PaymentError(.webhookRejected, message: message, provider: provider)
        error.webhookRejection = reason
        return error
    }

    /// Replaces every occurrence of each of `values` (credentials a provider quoted back) with `[REDACTED]` in the
    /// message, the underlying description, the provider's code, the field errors and the quoted response body, including the start of one cut
    /// off at the end of the body. Empty values are ignored; a value of any other length is replaced whole, but only
    /// a start of at least ``shortestRedactedStart`` characters is taken for a cut-off value.
    package mutating func redact(_ values: [String]) {
        let values = values.filter { !$0.isEmpty }
        guard !values.isEmpty else { return }
        func clean(_ text: String) -> String {
            values.reduce(text) { text, value in
                Data(text.utf8).range(of: Data(value.utf8)) == nil
                    ? text : text.replacingOccurrences(of: value, with: Redactor.placeholder)
            }
        }
        message = clean(message)
        underlyingDescription = underlyingDescription.map(clean)
        providerCode = providerCode.map(clean)
        fieldErrors = fieldErrors.map {
            FieldError(field: clean($0.field), message: clean($0.message), code: $0.code.map(clean))
        }
        guard var body = responseBody.map(clean) else { return }
        let ellipsis = body.hasSuffix("…")
        if ellipsis { body.removeLast() }
        for value in values where value.count > Self.shortestRedactedStart {
            // A value cut short (by the network, or by the truncation here) leaves its start at the very end.
            let starts = (Self.shortestRedactedStart..<value.count).reversed()
            if let start = starts.first(where: { body.hasSuffix(value.prefix($0)) }) {
                body.removeLast(start)
                body += Redactor.placeholder
                break
            }
        }
        responseBody = ellipsis ? body + "…" : body
    }

    /// The fewest characters of a credential's start that ``redact(_:)`` replaces at the end of a cut-off body: fewer
    /// would match ordinary text as often as a secret.
    package static let shortestRedactedStart = 4

    /// True when sending the same request again later may succeed (rate limits, server errors, transport
    /// failures). Whether resending is *safe* is a separate question: see ``outcome`` and ``RetryPolicy``.
    public var isTransient: Bool {
        kind == .rateLimited || kind == .server || kind == .transport
    }

    /// One line: provider, operation, request, status, kind and message, and what to do when the outcome is
    /// unknown. Never contains a credential.
    public var description: String {
        var parts: [String] = []
        if let provider { parts.append(provider.rawValue) }
        if let operation { parts.append(operation) }
        var line = parts.isEmpty ? "" : parts.joined(separator: " ") + ": "
        if let request { line += "\(request) " }
        if let httpStatus { line += "→ HTTP \(httpStatus) " }
        line += "[\(kindDetail)"
        if let providerCode { line += " \(providerCode)" }
        line += "] \(message)"
        if !fieldErrors.isEmpty { line += " (" + fieldErrors.map(\.description).joined(separator: "; ") + ")" }
        if outcome == .unknown {
            line +=
                " — outcome unknown: the provider may have applied this request; look the object up before "
                + "retrying"
        }
        return line
    }

    /// The ``description`` followed by the ``underlyingDescription`` and the (truncated) response body, each when
    /// there is one.
    public var debugDescription: String {
        var text = description
        if let underlyingDescription { text += "\nunderlying error: " + underlyingDescription }
        if let responseBody, !responseBody.isEmpty { text += "\nresponse body: " + responseBody }
        return text
    }

    private var kindDetail: String {
        switch kind {
        case .rateLimited:
            guard let retryAfter else { return kind.name }
            return "rateLimited, retry after \(Int(retryAfter.timeInterval.rounded(.up))) s"
        case .transport:
            return transportFailure.map { "transport: \($0)" } ?? kind.name
        case .webhookRejected:
            return webhookRejection.map { "webhookRejected: \($0)" } ?? kind.name
        default:
            return kind.name
        }
    }

    private static func truncatedText(_ data: Data, cut: Bool) -> String {
        let kept = data.prefix(maximumBodyLength)
        // A cut can split a multi-byte character; decoding with replacement keeps the rest readable.
        let text = String(decoding: kept, as: UTF8.self)
        return cut || data.count > maximumBodyLength ? text + "…" : text
    }
}
