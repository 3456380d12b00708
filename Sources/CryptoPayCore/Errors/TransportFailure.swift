/// Why a request got no HTTP response at all.
///
/// The distinction matters for retries: only failures that prove the request never reached the server
/// (``connectionRefused``, ``hostNotFound``, ``notConnected``) make it safe to resend a non-idempotent request.
///
/// A struct of constants rather than an enum, like ``PaymentError/Kind``, so that a failure added later does not
/// break a caller's exhaustive `switch`: switch with `case .timedOut:` … and always a `default:`. Two failures carry
/// a detail as a property: ``limit`` for ``responseTooLarge`` and ``code`` for ``other``. In a `case`, the plain
/// constant (`case .other:`) matches that failure whatever its detail, and a built value (`case .other(code: -1):`)
/// matches only that detail; `==` always compares the detail too.
public struct TransportFailure: Hashable, Sendable, CustomStringConvertible {
    /// The failure's name (`connectionRefused`), the same for every detail.
    public let name: String
    /// For ``responseTooLarge``: the transport's limit in bytes, when known.
    public let limit: Int?
    /// For ``other``: the platform's error code, when known.
    public let code: Int?

    private init(_ name: String, limit: Int? = nil, code: Int? = nil) {
        self.name = name
        self.limit = limit
        self.code = code
    }

    /// The server refused the TCP connection; nothing was sent.
    public static let connectionRefused = TransportFailure("connectionRefused")
    /// The host name did not resolve; nothing was sent.
    public static let hostNotFound = TransportFailure("hostNotFound")
    /// No complete response arrived within the timeout. The server may have acted on the request.
    public static let timedOut = TransportFailure("timedOut")
    /// TLS negotiation failed (certificate or protocol problem).
    public static let secureConnectionFailed = TransportFailure("secureConnectionFailed")
    /// The connection dropped while the request or response was in flight. The server may have acted on it.
    public static let connectionLost = TransportFailure("connectionLost")
    /// The device has no network connection; nothing was sent.
    public static let notConnected = TransportFailure("notConnected")
    /// The response body was larger than the transport accepts (``URLSessionTransport/maximumResponseBytes``), so
    /// it was dropped unread. The server received the request and may have acted on it. As a `case` pattern it
    /// matches every limit; ``responseTooLarge(limit:)`` builds the value with the limit.
    public static let responseTooLarge = TransportFailure("responseTooLarge")
    /// Any other failure. As a `case` pattern it matches every code; ``other(code:)`` builds the value with the
    /// platform's error code.
    public static let other = TransportFailure("other")

    /// ``responseTooLarge`` with the transport's limit in bytes.
    public static func responseTooLarge(limit: Int) -> TransportFailure {
        TransportFailure("responseTooLarge", limit: limit)
    }

    /// ``other`` with the platform's error code.
    public static func other(code: Int) -> TransportFailure {
        TransportFailure("other", code: code)
    }

    /// Matches a `case` pattern: a constant without detail matches every failure of its name; a value with a
    /// detail matches only an equal one.
    public static func ~= (pattern: TransportFailure, value: TransportFailure) -> Bool {
        pattern.limit == nil && pattern.code == nil ? pattern.name == value.name : pattern == value
    }

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
        case .responseTooLarge:
            limit.map { "response body larger than the limit of \($0) bytes" } ?? "response body larger than the limit"
        case .other: code.map { "transport error \($0)" } ?? "transport error"
        default: name
        }
    }
}
