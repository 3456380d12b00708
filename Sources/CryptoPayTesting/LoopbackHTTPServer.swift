import CryptoPayCore
import CryptoPaySandboxServer
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for testing real transports without an external process.
///
/// It listens on an ephemeral port, serves keep-alive connections on one thread each, records every request it
/// parses, and answers with whatever the handler returns. Every wait is bounded (polls of 50 ms that check the stop
/// flag, an idle limit per connection, size limits), so a misbehaving client cannot hang a test run. Threads keep
/// the server alive until ``shutdown()``, which every test must call (typically in `tearDown`).
package final class LoopbackHTTPServer: @unchecked Sendable {
    /// A request as the server parsed it (the sandbox server's parser reads it).
    package typealias Request = WireRequest

    /// How a response goes on the wire, for faults a real network produces.
    package enum Delivery: Sendable {
        /// Head and body in one write; the connection stays open for the next request.
        case whole
        /// Head and body in one write, then the server closes the connection without announcing it
        /// (no `Connection: close`), as a keep-alive timeout on a real server does between requests.
        case thenClose
        /// The head (announcing the whole body's `Content-Length`), then nothing for this long, then the connection
        /// is closed without a body.
        case headersThenStall(Duration)
        /// The head, then the body in pieces of `chunkBytes` with `interval` between them.
        case trickle(chunkBytes: Int, interval: Duration)
        /// The head (announcing the whole body), the first `bodyBytes` of the body, then the connection is closed:
        /// a connection lost mid-response.
        case truncated(bodyBytes: Int)
        /// The body written `times` times in a row (`Content-Length` is the total), without building the whole in
        /// memory: for very large responses.
        case repeated(times: Int)
        /// As ``repeated(times:)`` but without `Content-Length`: the body ends when the server closes the connection
        /// (`Connection: close`), so the client learns its size only by reading it.
        case unannounced(times: Int)
        /// Nothing is written: the connection is reset (TCP RST) as soon as the request is read.
        case reset
    }

    /// A scripted response; `delay` is waited before it is written.
    package struct Response: Sendable {
        package var status: Int
        package var headers: HeaderFields = HeaderFields()
        package var body: Data = Data()
        package var delay: Duration = .zero
        package var delivery: Delivery = .whole

        /// A response with a status, headers, body, a delay before it is written and the way it is written.
        package init(
            status: Int,
            headers: HeaderFields = HeaderFields(),
            body: Data = Data(),
            delay: Duration = .zero,
            delivery: Delivery = .whole
        ) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.delivery = delivery
        }

        package static func text(_ text: String, status: Int = 200, delay: Duration = .zero) -> Response {
            Response(status: status, headers: ["Content-Type": "text/plain"], body: Data(text.utf8), delay: delay)
        }
    }

    /// A socket call that failed while starting.
    package typealias SocketError = SocketHTTPServer.SocketError

    package typealias Handler = @Sendable (Request) -> Response

    package static let maximumHeaderBytes = 64 * 1024
    package static let maximumBodyBytes = 8 * 1024 * 1024
    /// A connection with no request for this long is closed, so no thread outlives a test by much.
    package static let idleLimit: Duration = .seconds(30)

    package let port: Int
    private let listener: ConnectionListener
    private let log: RequestLog

    package init(handler: @escaping Handler) throws {
        let log = RequestLog()
        self.log = log
        // A send to a client that stopped reading gives up after 200 ms, so a shutdown is never held up by it.
        listener = try ConnectionListener(
            host: "127.0.0.1", port: 0, sendTimeout: .milliseconds(200), name: "LoopbackHTTPServer",
            serve: { connection in
                connection.readRequests(
                    maximumHeaderBytes: Self.maximumHeaderBytes, maximumBodyBytes: Self.maximumBodyBytes,
                    idleTimeout: Self.idleLimit,
                    refuse: { _ in _ = Self.deliver(.text("bad request", status: 400), to: connection) },
                    answer: { request in
                        log.append(request)
                        let response = handler(request)
                        return connection.pause(response.delay) && Self.deliver(response, to: connection)
                            && !request.wantsClose
                    })
            })
        port = listener.port
    }

    /// `http://127.0.0.1:<port>` followed by `pathAndQuery`.
    package func url(_ pathAndQuery: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(pathAndQuery)")
            ?? URL(fileURLWithPath: "/invalid-test-url")
    }

    /// Every request received so far, in order of arrival.
    package var requests: [Request] { log.requests }

    /// Connections currently being served.
    package var connectionCount: Int { listener.openConnections }

    /// Connections accepted since the server started.
    package var acceptedConnectionCount: Int { listener.acceptedConnections }

    /// Stops accepting, closes every connection and waits (at most 5 s) for the server's threads to end.
    /// Returns false if some thread did not end in time.
    @discardableResult
    package func shutdown() -> Bool {
        listener.stop(timeout: .seconds(5))
    }

    /// A port on 127.0.0.1 that was free a moment ago and has nothing listening on it now.
    package static func closedPort() throws -> Int {
        try ConnectionListener.closedPort()
    }

    /// The requests parsed so far, appended from every connection's thread.
    private final class RequestLog: @unchecked Sendable {
        // Guards `recorded`.
        private let lock = NSLock()
        private var recorded: [Request] = []

        func append(_ request: Request) { lock.withLock { recorded.append(request) } }
        var requests: [Request] { lock.withLock { recorded } }
    }

    /// Writes the response as its ``Delivery`` says; returns false when the connection must be closed.
    private static func deliver(_ response: Response, to connection: Connection) -> Bool {
        switch response.delivery {
        case .whole:
            return connection.send(head(response, length: response.body.count) + [UInt8](response.body))
        case .thenClose:
            _ = connection.send(head(response, length: response.body.count) + [UInt8](response.body))
            return false
        case .headersThenStall(let stall):
            _ = connection.send(head(response, length: response.body.count)) && connection.pause(stall)
            return false
        case .trickle(let chunkBytes, let interval):
            guard connection.send(head(response, length: response.body.count)) else { return false }
            let body = [UInt8](response.body)
            var offset = 0
            while offset < body.count {
                let end = min(offset + max(1, chunkBytes), body.count)
                guard connection.pause(interval), connection.send(Array(body[offset..<end])) else { return false }
                offset = end
            }
            return true
        case .truncated(let bodyBytes):
            let sent = [UInt8](response.body.prefix(max(0, bodyBytes)))
            _ = connection.send(head(response, length: response.body.count) + sent)
            return false
        case .repeated(let times):
            let piece = [UInt8](response.body)
            guard connection.send(head(response, length: piece.count * max(0, times))) else { return false }
            for _ in 0..<max(0, times) where !connection.isStopped {
                guard connection.send(piece) else { return false }
            }
            return true
        case .unannounced(let times):
            let head = HTTPWire.head(status: response.status, headers: response.headers, length: nil, close: true)
            guard connection.send(head) else { return false }
            let piece = [UInt8](response.body)
            for _ in 0..<max(0, times) where !connection.isStopped {
                guard connection.send(piece) else { return false }
            }
            return false
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(
                connection.descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            return false
        }
    }

    /// The status line and headers, with a `Content-Length` of `length`.
    private static func head(_ response: Response, length: Int) -> [UInt8] {
        HTTPWire.head(status: response.status, headers: response.headers, length: length)
    }
}
