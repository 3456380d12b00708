import Foundation

/// A fully built HTTP request, as handed to an ``HTTPTransport``.
public struct TransportRequest: Sendable, CustomStringConvertible {
    /// The method.
    public var method: RequestMethod
    /// The absolute URL, including the query.
    public var url: URL
    /// The header fields to send.
    public var headers: HeaderFields
    /// The body bytes, if any.
    public var body: Data?
    /// How long to wait for the response. ``URLSessionTransport`` rounds it up to whole seconds (at least one),
    /// which is all libcurl supports.
    public var timeout: Duration
    /// Which try this is, starting at 1; set by the retry step for logging. Not sent on the wire.
    public var attempt: Int
    /// Whether sending this request twice has the same effect as sending it once. Only idempotent requests are
    /// resent after they may have reached the server, and only their failures are certain to have changed nothing.
    /// It is a property of the provider's operation, not of the method: the POS API changes state with `GET`s.
    /// Defaults to ``RequestMethod/isSafe``. Not sent on the wire.
    public var isIdempotent: Bool
    /// The provider the request goes to, for logs. Not sent on the wire.
    public var provider: ProviderID?
    /// The client operation (`payments.create`), for logs. Not sent on the wire.
    public var operation: String?

    /// Creates a request.
    public init(
        method: RequestMethod,
        url: URL,
        headers: HeaderFields = HeaderFields(),
        body: Data? = nil,
        timeout: Duration = .seconds(30),
        attempt: Int = 1,
        isIdempotent: Bool? = nil,
        provider: ProviderID? = nil,
        operation: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.attempt = attempt
        self.isIdempotent = isIdempotent ?? method.isSafe
        self.provider = provider
        self.operation = operation
    }

    /// The method and the URL with credential-like query values redacted; headers and body are never included.
    public var description: String {
        "\(method) \(Redactor.redactedURL(url))"
    }
}
