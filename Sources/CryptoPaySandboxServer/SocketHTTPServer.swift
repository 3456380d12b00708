import CryptoPayCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the server does with one request.
public enum ServerAnswer: Sendable {
    /// Writes this response; the connection stays open unless the client asked to close it.
    case respond(TransportResponse)
    /// Writes nothing for this long (or until the server stops), then closes the connection: a timeout as the
    /// client sees it.
    case hold(Duration)
    /// Closes the connection at once without a response.
    case drop
}

/// An HTTP/1.1 server on POSIX sockets: keep-alive connections, `Content-Length` bodies, a size limit per request,
/// one thread per connection up to a bound (more are answered 503 and closed). Malformed requests get 400, oversized
/// ones 413, and the connection is closed; the server goes on. Every wait is a 50 ms poll that checks the stop flag,
/// so `stop()` ends every thread promptly.
public final class SocketHTTPServer: @unchecked Sendable {
    /// The limits and the address.
    public struct Limits: Sendable {
        /// The largest request line plus headers.
        public var maximumHeaderBytes = 64 * 1024
        /// The largest body.
        public var maximumBodyBytes = 1024 * 1024
        /// Connections served at once (a thread each); more are answered 503 and closed. Sized for a merchant's
        /// load test: 50 clients in flight plus the connections several instances keep open for their lookups.
        public var maximumConnections = 256
        /// A keep-alive connection with no request for this long is closed.
        public var idleTimeout: Duration = .seconds(60)

        /// The defaults: 64 KiB of head, 1 MiB of body, 256 connections, 60 s idle.
        public init() {}
    }

    /// A socket call that failed while starting.
    public struct SocketError: Error, CustomStringConvertible {
        /// The call (`socket`, `bind`, `listen`).
        public var call: String
        /// `errno` after it.
        public var code: Int32
        /// The call and the error number.
        public var description: String { "\(call) failed: errno \(code)" }
    }

    /// The port listened on (the one chosen by the system when 0 was asked).
    public let port: Int
    /// The IPv4 address listened on.
    public let host: String
    private let listener: ConnectionListener

    /// Binds `host:port` (port 0: any free one) and starts accepting.
    ///
    /// - Throws: ``SocketError`` when the address is not an IPv4 address, is in use, or the socket cannot be made.
    public init(
        host: String = "127.0.0.1", port: Int = 0, limits: Limits = Limits(),
        handler: @escaping @Sendable (WireRequest) -> ServerAnswer
    ) throws {
        self.host = host
        listener = try ConnectionListener(
            host: host, port: port, maximumConnections: limits.maximumConnections, sendTimeout: .seconds(5),
            name: "SocketHTTPServer",
            refuse: { connection in
                let busy = TransportResponse(
                    statusCode: 503, headers: ["Content-Type": "text/plain", "Retry-After": "1"],
                    body: Data("too many connections\n".utf8))
                _ = Self.write(busy, close: true, to: connection)
            },
            serve: { connection in Self.serve(connection, limits: limits, handler: handler) })
        self.port = listener.port
    }

    /// Stops accepting, closes every connection and waits (at most `timeout`) for the threads to end. Returns
    /// false when some did not end in time.
    @discardableResult
    public func stop(timeout: Duration = .seconds(5)) -> Bool {
        listener.stop(timeout: timeout)
    }

    private static func serve(
        _ connection: Connection, limits: Limits, handler: @Sendable (WireRequest) -> ServerAnswer
    ) {
        connection.readRequests(
            maximumHeaderBytes: limits.maximumHeaderBytes, maximumBodyBytes: limits.maximumBodyBytes,
            idleTimeout: limits.idleTimeout,
            refuse: { tooLarge in
                let refusal =
                    tooLarge
                    ? plain(413, "request larger than the sandbox accepts") : plain(400, "malformed HTTP/1.1 request")
                _ = write(refusal, close: true, to: connection)
            },
            answer: { request in
                switch handler(request) {
                case .respond(let response):
                    return write(response, close: request.wantsClose, to: connection) && !request.wantsClose
                case .hold(let duration):
                    hold(connection, for: duration)
                    return false
                case .drop:
                    return false
                }
            })
    }

    /// Reads and discards until the client gives up, the time is over or the server stops.
    private static func hold(_ connection: Connection, for duration: Duration) {
        let end = Date().addingTimeInterval(duration.timeInterval)
        var scratch: [UInt8] = []
        while !connection.isStopped, Date() < end {
            guard connection.waitReadable() else { continue }
            guard connection.receive(into: &scratch) else { return }
            scratch.removeAll(keepingCapacity: true)
        }
    }

    private static func plain(_ status: Int, _ text: String) -> TransportResponse {
        TransportResponse(statusCode: status, headers: ["Content-Type": "text/plain"], body: Data((text + "\n").utf8))
    }

    private static func write(_ response: TransportResponse, close: Bool, to connection: Connection) -> Bool {
        connection.send(
            HTTPWire.head(
                status: response.statusCode, headers: response.headers, length: response.body.count, close: close)
                + [UInt8](response.body))
    }
}
