import Foundation

/// A fully built HTTP request, as handed to an ``HTTPTransport``.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL, including the query.
    public var url: URL
    /// The header fields to send.
    public var headers: HTTPHeaders
    /// The body bytes, if any.
    public var body: Data?
    /// How long to wait for the response, in seconds. ``URLSessionTransport`` rounds it to whole seconds (at least
    /// one), which is all libcurl supports.
    public var timeout: TimeInterval
    /// Which try this is, starting at 1; set by ``RetryMiddleware`` for logging. Not sent on the wire.
    public var attempt: Int

    /// Creates a request.
    public init(
        method: HTTPMethod,
        url: URL,
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data? = nil,
        timeout: TimeInterval = 30,
        attempt: Int = 1
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.attempt = attempt
    }

    /// The method and the URL with credential-like query values redacted; headers and body are never included.
    public var description: String {
        "\(method) \(Redactor.redactedURL(url))"
    }
}
