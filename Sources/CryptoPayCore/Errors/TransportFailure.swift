/// Why a request got no HTTP response at all.
///
/// The distinction matters for retries: only failures that prove the request never reached the server
/// (``connectionRefused``, ``hostNotFound``) make it safe to resend a non-idempotent request.
public enum TransportFailure: Hashable, Sendable, CustomStringConvertible {
    /// The server refused the TCP connection; nothing was sent.
    case connectionRefused
    /// The host name did not resolve; nothing was sent.
    case hostNotFound
    /// No complete response arrived within the timeout. The server may have acted on the request.
    case timedOut
    /// TLS negotiation failed (certificate or protocol problem).
    case secureConnectionFailed
    /// The connection dropped while the request or response was in flight. The server may have acted on it.
    case connectionLost
    /// The device has no network connection; nothing was sent.
    case notConnected
    /// The response body was larger than the transport accepts (``URLSessionTransport/maximumResponseBytes``), so
    /// it was dropped unread. The server received the request and may have acted on it.
    case responseTooLarge(limit: Int)
    /// Any other failure, with the platform's error code.
    case other(code: Int)

    /// True when the failure proves that no byte of the request reached the server, so resending cannot
    /// double-spend.
    public var requestNeverSent: Bool {
        switch self {
        case .connectionRefused, .hostNotFound, .notConnected: true
        default: false
        }
    }

    /// A short English phrase for error messages.
    public var description: String {
        switch self {
        case .connectionRefused: "connection refused"
        case .hostNotFound: "host not found"
        case .timedOut: "timed out"
        case .secureConnectionFailed: "TLS connection failed"
        case .connectionLost: "connection lost"
        case .notConnected: "not connected to the network"
        case .responseTooLarge(let limit): "response body larger than the limit of \(limit) bytes"
        case .other(let code): "transport error \(code)"
        }
    }
}
