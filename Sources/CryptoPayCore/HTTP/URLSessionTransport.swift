// Temporary stand-in while the real transport is written on the transport branch.
/// Placeholder.
public struct URLSessionTransport: HTTPTransport {
    /// Placeholder.
    public static let shared = URLSessionTransport()
    /// Placeholder.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        throw PaymentError(.transport(.connectionRefused), message: "stub")
    }
}
