import Foundation

/// One provider operation: how to build its request and what its successful response decodes to.
///
/// Provider modules describe each documented endpoint as an `Endpoint` and hand it to ``APIClient/send(_:)``, so
/// that URL building, headers, retries, logging, error mapping and decoding are written once.
public struct Endpoint<Response: Decodable & Sendable>: Sendable {
    /// A stable name for errors and logs, such as `payments.create`.
    public var operation: String
    /// The method.
    public var method: HTTPMethod
    /// The path template relative to the base URL, with `{name}` placeholders (`/payments/{id}/cancel`).
    public var path: String
    /// Values for the placeholders; each is percent-encoded as a single segment.
    public var pathParameters: [String: String]
    /// Query items in order; values are percent-encoded.
    public var query: [URLQueryItem]
    /// The body, if any.
    public var body: RequestBody?
    /// Extra headers for this endpoint only.
    public var headers: HTTPHeaders
    /// False for public endpoints that must be called without credentials.
    public var requiresAuthentication: Bool
    /// The statuses that count as success; `nil` accepts any 2xx.
    public var successStatuses: Set<Int>?

    /// Describes an endpoint.
    public init(
        _ operation: String,
        _ method: HTTPMethod,
        _ path: String,
        pathParameters: [String: String] = [:],
        query: [URLQueryItem] = [],
        body: RequestBody? = nil,
        headers: HTTPHeaders = HTTPHeaders(),
        requiresAuthentication: Bool = true,
        successStatuses: Set<Int>? = nil
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.body = body
        self.headers = headers
        self.requiresAuthentication = requiresAuthentication
        self.successStatuses = successStatuses
    }
}

/// The response type of endpoints whose success body is empty or irrelevant.
public struct EmptyResponse: Decodable, Sendable, Hashable {
    /// Creates the empty value.
    public init() {}
}
