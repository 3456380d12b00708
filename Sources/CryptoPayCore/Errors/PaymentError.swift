import Foundation

/// The one error type every CryptoPay API throws (apart from `CancellationError` when the caller's task is
/// cancelled).
///
/// Switch on ``kind`` to decide what to do; the other properties give context for logs and support tickets. The
/// ``description`` is one line naming the operation and the cause and never contains a credential: request URLs
/// are redacted and no header is ever copied into an error.
public struct PaymentError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, in the categories a caller acts on.
    public enum Kind: Hashable, Sendable {
        /// The credentials were missing or wrong (HTTP 401).
        case authentication
        /// The credentials are valid but not allowed to do this (HTTP 403).
        case permission
        /// The object does not exist or was removed (HTTP 404, 410).
        case notFound
        /// The provider rejected the request's content (HTTP 400, 422), with the fields it named.
        case validation([FieldError])
        /// The request conflicts with the object's state (HTTP 409, or a provider code saying so).
        case conflict
        /// Too many requests (HTTP 429); `retryAfter` is the provider's `Retry-After` in seconds, when sent.
        case rateLimited(retryAfter: TimeInterval?)
        /// The provider failed (HTTP 5xx, or an unexpected status or non-JSON page in its place).
        case server
        /// No HTTP response arrived.
        case transport(TransportFailure)
        /// A response arrived but is not what the provider documents (malformed JSON, wrong type, missing field).
        case decoding
        /// The request was refused before anything was sent (client-side validation, bad configuration), or the
        /// provider called it malformed in a way that is not about a field (HTTP 405, 406, 415 and other 4xx).
        case invalidRequest
        /// A webhook failed verification; nothing in it may be trusted.
        case webhookRejected(WebhookRejectionReason)
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
    /// The request that failed, when one was built.
    public var request: RequestSummary?
    /// The response body as text, cut at ``maximumBodyLength`` bytes.
    public private(set) var responseBody: String?

    /// Creates an error. `responseBody` is cut at ``maximumBodyLength`` bytes.
    public init(
        _ kind: Kind,
        message: String,
        provider: ProviderID? = nil,
        operation: String? = nil,
        httpStatus: Int? = nil,
        providerCode: String? = nil,
        request: RequestSummary? = nil,
        responseBody: Data? = nil
    ) {
        self.kind = kind
        self.message = message
        self.provider = provider
        self.operation = operation
        self.httpStatus = httpStatus
        self.providerCode = providerCode
        self.request = request
        self.responseBody = responseBody.map(Self.truncatedText)
    }

    /// A client-side refusal: nothing was sent.
    public static func invalidRequest(_ message: String, operation: String? = nil) -> PaymentError {
        PaymentError(.invalidRequest, message: message, operation: operation)
    }

    /// A webhook rejection with the reason and an explanation.
    public static func webhookRejected(
        _ reason: WebhookRejectionReason,
        _ message: String,
        provider: ProviderID? = nil
    ) -> PaymentError {
        PaymentError(.webhookRejected(reason), message: message, provider: provider)
    }

    /// True when sending the same request again later may succeed (rate limits, server errors, transport
    /// failures). Whether resending is *safe* is a separate question that ``RetryPolicy`` answers.
    public var isTransient: Bool {
        switch kind {
        case .rateLimited, .server, .transport: true
        default: false
        }
    }

    /// The field errors of a ``Kind/validation(_:)`` error, otherwise empty.
    public var fieldErrors: [FieldError] {
        if case .validation(let fields) = kind { return fields }
        return []
    }

    /// One line: provider, operation, request, status, kind and message. Never contains a credential.
    public var description: String {
        var parts: [String] = []
        if let provider { parts.append(provider.rawValue) }
        if let operation { parts.append(operation) }
        var line = parts.isEmpty ? "" : parts.joined(separator: " ") + ": "
        if let request { line += "\(request) " }
        if let httpStatus { line += "→ HTTP \(httpStatus) " }
        line += "[\(kindName)"
        if let providerCode { line += " \(providerCode)" }
        line += "] \(message)"
        let fields = fieldErrors
        if !fields.isEmpty { line += " (" + fields.map(\.description).joined(separator: "; ") + ")" }
        return line
    }

    /// The ``description`` followed by the (truncated) response body.
    public var debugDescription: String {
        guard let responseBody, !responseBody.isEmpty else { return description }
        return description + "\nresponse body: " + responseBody
    }

    private var kindName: String {
        switch kind {
        case .authentication: "authentication"
        case .permission: "permission"
        case .notFound: "notFound"
        case .validation: "validation"
        case .conflict: "conflict"
        case .rateLimited(let retryAfter):
            retryAfter.map { "rateLimited, retry after \(Int($0.rounded(.up))) s" } ?? "rateLimited"
        case .server: "server"
        case .transport(let failure): "transport: \(failure)"
        case .decoding: "decoding"
        case .invalidRequest: "invalidRequest"
        case .webhookRejected(let reason): "webhookRejected: \(reason)"
        }
    }

    private static func truncatedText(_ data: Data) -> String {
        let cut = data.prefix(maximumBodyLength)
        // A cut can split a multi-byte character; decoding with replacement keeps the rest readable.
        let text = String(decoding: cut, as: UTF8.self)
        return data.count > maximumBodyLength ? text + "…" : text
    }
}
