import CryptoPayCore
import Foundation

/// An `HTTPTransport` that stands between a client and a stand-in server (any transport, typically a
/// ``ReplayTransport``) and fails on command, the way networks, proxies and overloaded providers fail.
///
/// Faults are queued with ``inject(_:)`` and used one per request, in order; once the queue is empty, requests pass
/// straight through. Each fault says whether the request reached the server: a refused connection never does, a
/// timeout or a connection reset does (the server acted, the answer was lost), so a test can assert both how many
/// times the client tried (``attempts``) and how many requests the server received (the base transport's record).
///
/// ```swift
/// let server = ReplayTransport()
/// let faults = FaultInjectingTransport(base: server)
/// faults.inject(.timeout)
/// // a create through `faults` fails with outcome `unknown`; the server got it exactly once
/// ```
public final class FaultInjectingTransport: HTTPTransport, @unchecked Sendable {
    /// One injected failure.
    public enum Fault: Sendable, CustomStringConvertible {
        /// The connection is refused: the request never reaches the server.
        case connectionRefused
        /// The server receives the request (and may act on it), but no response arrives before the timeout.
        case timeout
        /// The server receives the request and answers, but the connection drops while the response is read.
        case connectionReset
        /// The server receives the request and answers, but only the first half of the response body arrives
        /// (at least one byte is missing).
        case truncatedBody
        /// The server receives the request and answers with its status but an empty body.
        case emptyBody
        /// A proxy in front of the server answers with an HTML error page of this status (`502 Bad Gateway`); the
        /// request does not reach the server.
        case htmlPage(status: Int)
        /// The server answers with this status, headers and body without acting on the request (`503`, `429`).
        case status(Int, headers: HeaderFields, body: Data)

        /// `429 Too Many Requests` with this `Retry-After` value (delta-seconds or an HTTP date).
        public static func rateLimited(retryAfter: String) -> Fault {
            .status(
                429, headers: ["Retry-After": retryAfter, "Content-Type": "application/json"], body: Data("{}".utf8))
        }

        /// A bare status with an empty JSON object as body.
        public static func status(_ code: Int) -> Fault {
            .status(code, headers: ["Content-Type": "application/json"], body: Data("{}".utf8))
        }

        /// True when the request reaches the server under this fault.
        public var reachesServer: Bool {
            switch self {
            case .timeout, .connectionReset, .truncatedBody, .emptyBody: true
            case .connectionRefused, .htmlPage, .status: false
            }
        }

        /// A short name for failure messages.
        public var description: String {
            switch self {
            case .connectionRefused: "connection refused"
            case .timeout: "timeout"
            case .connectionReset: "connection reset mid-response"
            case .truncatedBody: "truncated body"
            case .emptyBody: "empty body"
            case .htmlPage(let status): "HTML \(status) page"
            case .status(let code, let headers, _):
                headers["Retry-After"].map { "HTTP \(code) Retry-After \($0)" } ?? "HTTP \(code)"
            }
        }
    }

    /// One request the client sent, and the fault it met (`nil` when it passed through).
    public struct Attempt: Sendable {
        /// The request as sent.
        public var request: RecordedRequest
        /// The fault injected, if any.
        public var fault: Fault?
    }

    private let base: any HTTPTransport
    // Guards `faults` and `recorded`.
    private let lock = NSLock()
    private var faults: [Fault] = []
    private var recorded: [Attempt] = []

    /// Creates a transport that forwards to `base`, the stand-in server.
    public init(base: any HTTPTransport) {
        self.base = base
    }

    /// Queues faults for the next requests, one each, in order.
    public func inject(_ faults: Fault...) {
        lock.withLock { self.faults += faults }
    }

    /// Queues the same fault for each of the next `count` requests.
    public func inject(_ fault: Fault, times count: Int) {
        lock.withLock { faults += Array(repeating: fault, count: max(0, count)) }
    }

    /// Every request received so far, in order, with the fault it met.
    public var attempts: [Attempt] {
        lock.withLock { recorded }
    }

    /// The number of queued faults not yet used.
    public var pendingFaults: Int {
        lock.withLock { faults.count }
    }

    /// Applies the next fault, if any, to the request.
    ///
    /// - Throws: `PaymentError` of kind `transport` for the connection faults; whatever the base transport throws.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let fault: Fault? = lock.withLock {
            let next = faults.isEmpty ? nil : faults.removeFirst()
            recorded.append(Attempt(request: RecordedRequest(request), fault: next))
            return next
        }
        guard let fault else { return try await base.send(request) }
        switch fault {
        case .connectionRefused:
            throw PaymentError.transport(.connectionRefused, message: "injected: connection refused")
        case .htmlPage(let status):
            let page =
                "<!DOCTYPE html><html><head><title>\(status) Bad Gateway</title></head><body><center><h1>"
                + "\(status) Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n"
            return TransportResponse(
                statusCode: status, headers: ["Content-Type": "text/html"], body: Data(page.utf8))
        case .status(let code, let headers, let body):
            return TransportResponse(statusCode: code, headers: headers, body: body)
        case .timeout, .connectionReset, .truncatedBody, .emptyBody:
            var response = try await base.send(request)
            switch fault {
            case .timeout:
                throw PaymentError.transport(.timedOut, message: "injected: timed out")
            case .connectionReset:
                throw PaymentError.transport(.connectionLost, message: "injected: connection reset mid-response")
            case .truncatedBody:
                response.body = response.body.prefix(response.body.count / 2)
            default:
                response.body = Data()
            }
            return response
        }
    }
}
