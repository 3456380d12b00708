import Foundation

/// An HTTP response as returned by an ``HTTPTransport``: any status, including 4xx and 5xx.
public struct TransportResponse: Sendable {
    /// The status code.
    public var statusCode: Int
    /// The header fields, with case-insensitive lookup.
    public var headers: HeaderFields
    /// The body bytes, exactly as received (after content decoding).
    public var body: Data

    /// Creates a response.
    public init(statusCode: Int, headers: HeaderFields = HeaderFields(), body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// True for 2xx statuses.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}
