import Foundation

/// One provider operation: how to build its request and what its successful response decodes to.
///
/// Provider modules describe each documented endpoint as an `Endpoint` and hand it to ``APIClient/send(_:)``, so
/// that URL building, headers, retries, logging, error mapping and decoding are written once.
package struct Endpoint<Response: Decodable & Sendable>: Sendable {
    /// A stable name for errors and logs, such as `payments.create`.
    package var operation: String
    /// The method.
    package var method: RequestMethod
    /// The path template relative to the base URL, with `{name}` placeholders (`/payments/{id}/cancel`).
    package var path: String
    /// Values for the placeholders; each is percent-encoded as a single segment.
    package var pathParameters: [String: String]
    /// Query items in order; values are percent-encoded.
    package var query: [URLQueryItem]
    /// The body, if any.
    package var body: RequestBody?
    /// Extra headers for this endpoint only.
    package var headers: HeaderFields
    /// False for public endpoints that must be called without credentials.
    package var requiresAuthentication: Bool
    /// The statuses that count as success; `nil` accepts any 2xx.
    package var successStatuses: Set<Int>?
    /// Whether sending the request twice has the same effect as once: decides retries and the
    /// ``PaymentError/outcome`` of failures. Defaults to ``RequestMethod/isSafe``; an operation that changes state
    /// with a `GET` (the POS API's) passes `false`.
    package var isIdempotent: Bool

    /// Describes an endpoint.
    package init(
        _ operation: String,
        _ method: RequestMethod,
        _ path: String,
        pathParameters: [String: String] = [:],
        query: [URLQueryItem] = [],
        body: RequestBody? = nil,
        headers: HeaderFields = HeaderFields(),
        requiresAuthentication: Bool = true,
        successStatuses: Set<Int>? = nil,
        isIdempotent: Bool? = nil
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
        self.isIdempotent = isIdempotent ?? method.isSafe
    }
}

/// The response type of endpoints whose success body is empty or irrelevant.
package struct EmptyResponse: Decodable, Sendable, Hashable {
    /// Creates the empty value.
    package init() {}
}
