import Foundation

/// What every provider client can be configured with, besides its credentials.
///
/// A value type with defaults that suit production: the default transport, two retries for safe requests, a
/// 30-second timeout, no rate limiting and no logging.
public struct ClientConfiguration: Sendable {
    /// The API's base URL; `nil` means the provider's documented default. Providers whose documents show only a
    /// placeholder host require it. Must be `https`, except for loopback hosts.
    public var baseURL: URL?
    /// Sends the requests; ``URLSessionTransport`` by default.
    public var transport: any HTTPTransport
    /// When to resend failed requests.
    public var retryPolicy: RetryPolicy
    /// Keeps requests under the provider's limits, when set: every try, a retry as much as the first, waits for a
    /// token of its class before it is sent. It runs inside the retries (a ``RateLimiter`` among ``middleware``
    /// would take one token per call and let the retries out without one); share one limiter between the clients of
    /// one API key.
    public var rateLimiter: RateLimiter?
    /// How long to wait for each response.
    public var timeout: Duration
    /// Receives one redacted record per try, when set.
    public var logHandler: HTTPLogHandler?
    /// Your own middleware, outermost first; runs after credentials are added and before retries, so once per call.
    public var middleware: [any HTTPMiddleware]
    /// Text appended to the library's `User-Agent` (your application's name and version).
    public var userAgentSuffix: String?

    /// Creates a configuration.
    public init(
        baseURL: URL? = nil,
        transport: any HTTPTransport = URLSessionTransport.shared,
        retryPolicy: RetryPolicy = .default,
        rateLimiter: RateLimiter? = nil,
        timeout: Duration = .seconds(30),
        logHandler: HTTPLogHandler? = nil,
        middleware: [any HTTPMiddleware] = [],
        userAgentSuffix: String? = nil
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.rateLimiter = rateLimiter
        self.timeout = timeout
        self.logHandler = logHandler
        self.middleware = middleware
        self.userAgentSuffix = userAgentSuffix
    }

    /// The default configuration.
    public static var `default`: ClientConfiguration { ClientConfiguration() }
}
