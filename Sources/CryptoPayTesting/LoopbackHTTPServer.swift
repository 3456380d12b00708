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

    package struct SocketError: Error, CustomStringConvertible {
        package var call: String
        package var code: Int32
        package var description: String { "\(call) failed: errno \(code)" }
    }

    package typealias Handler = @Sendable (Request) -> Response

    package static let maximumHeaderBytes = 64 * 1024
    package static let maximumBodyBytes = 8 * 1024 * 1024
    /// A connection with no request for this long is closed, so no thread outlives a test by much.
    package static let idleLimit: Duration = .seconds(30)
    private static let pollMilliseconds: Int32 = 50

    package let port: Int
    private let listener: Int32
    private let handler: Handler
    private let threads = DispatchGroup()
    // Guards `recorded`, `stopped`, `openConnections` and `acceptedConnections`.
    private let lock = NSLock()
    private var recorded: [Request] = []
    private var stopped = false
    private var openConnections = 0
    private var acceptedConnections = 0

    package init(handler: @escaping Handler) throws {
        self.handler = handler
        (listener, port) = try Self.bindLoopback()
        guard listen(listener, 128) == 0 else {
            let code = errno
            close(listener)
            throw SocketError(call: "listen", code: code)
        }
        threads.enter()
        let thread = Thread { [self] in
            acceptLoop()
            threads.leave()
        }
        thread.name = "LoopbackHTTPServer.accept"
        thread.start()
    }

    /// `http://127.0.0.1:<port>` followed by `pathAndQuery`.
    package func url(_ pathAndQuery: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(pathAndQuery)")
            ?? URL(fileURLWithPath: "/invalid-test-url")
    }

    /// Every request received so far, in order of arrival.
    package var requests: [Request] { lock.withLock { recorded } }

    /// Connections currently being served.
    package var connectionCount: Int { lock.withLock { openConnections } }

    /// Connections accepted since the server started.
    package var acceptedConnectionCount: Int { lock.withLock { acceptedConnections } }

    /// Stops accepting, closes every connection and waits (at most 5 s) for the server's threads to end.
    /// Returns false if some thread did not end in time.
    @discardableResult
    package func shutdown() -> Bool {
        lock.withLock { stopped = true }
        return threads.wait(timeout: .now() + 5) == .success
    }

    /// A port on 127.0.0.1 that was free a moment ago and has nothing listening on it now.
    package static func closedPort() throws -> Int {
        let (socket, port) = try bindLoopback()
        close(socket)
        return port
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private static func bindLoopback() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(fd, address, length) == 0 && getsockname(fd, address, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(fd)
            throw SocketError(call: "bind", code: code)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            guard Self.waitReadable(listener) else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            var noDelay: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            // A send to a client that stopped reading gives up after this, so a shutdown is never held up by it.
            var sendTimeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
            let accepted = lock.withLock {
                guard !stopped else { return false }
                openConnections += 1
                acceptedConnections += 1
                threads.enter()
                return true
            }
            guard accepted else {
                close(connection)
                break
            }
            let thread = Thread { [self] in
                serve(connection)
                lock.withLock { openConnections -= 1 }
                threads.leave()
            }
            thread.name = "LoopbackHTTPServer.connection"
            thread.start()
        }
    }

    private static func waitReadable(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, pollMilliseconds) > 0
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer: [UInt8] = []
        var lastActivity = Date()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            switch HTTPWire.parse(
                buffer, maximumHeaderBytes: Self.maximumHeaderBytes, maximumBodyBytes: Self.maximumBodyBytes)
            {
            case .complete(let request, let consumed):
                buffer.removeFirst(consumed)
                lock.withLock { recorded.append(request) }
                let response = handler(request)
                guard wait(response.delay), deliver(response, to: connection) else { return }
                if request.headers["Connection"]?.lowercased() == "close" { return }
                lastActivity = Date()
                continue
            case .invalid, .tooLarge:
                _ = deliver(.text("bad request", status: 400), to: connection)
                return
            case .incomplete:
                break
            }
            guard Self.waitReadable(connection) else {
                if Date().timeIntervalSince(lastActivity) > Self.idleLimit.timeInterval { return }
                continue
            }
            let received = recv(connection, &chunk, chunk.count, 0)
            guard received > 0 else { return }
            buffer.append(contentsOf: chunk[0..<received])
            lastActivity = Date()
        }
    }

    /// Sleeps in short slices so that a shutdown is not held up by a long scripted delay; false when stopped.
    private func wait(_ delay: Duration) -> Bool {
        let end = Date().addingTimeInterval(delay.timeInterval)
        while !isStopped {
            // Read the clock once per slice: a second reading could already be past `end`, and a negative
            // interval does not convert to `useconds_t`.
            let remaining = end.timeIntervalSinceNow
            guard remaining > 0 else { return true }
            usleep(useconds_t(min(remaining, 0.005) * 1_000_000))
        }
        return false
    }

    /// Writes the response as its ``Delivery`` says; returns false when the connection must be closed.
    private func deliver(_ response: Response, to connection: Int32) -> Bool {
        switch response.delivery {
        case .whole:
            return write(head(response, length: response.body.count) + [UInt8](response.body), to: connection)
        case .thenClose:
            _ = write(head(response, length: response.body.count) + [UInt8](response.body), to: connection)
            return false
        case .headersThenStall(let stall):
            _ = write(head(response, length: response.body.count), to: connection) && wait(stall)
            return false
        case .trickle(let chunkBytes, let interval):
            guard write(head(response, length: response.body.count), to: connection) else { return false }
            let body = [UInt8](response.body)
            var offset = 0
            while offset < body.count {
                let end = min(offset + max(1, chunkBytes), body.count)
                guard wait(interval), write(Array(body[offset..<end]), to: connection) else { return false }
                offset = end
            }
            return true
        case .truncated(let bodyBytes):
            let sent = [UInt8](response.body.prefix(max(0, bodyBytes)))
            _ = write(head(response, length: response.body.count) + sent, to: connection)
            return false
        case .repeated(let times):
            let piece = [UInt8](response.body)
            guard write(head(response, length: piece.count * max(0, times)), to: connection) else { return false }
            for _ in 0..<max(0, times) where !isStopped {
                guard write(piece, to: connection) else { return false }
            }
            return true
        case .unannounced(let times):
            let head = HTTPWire.head(status: response.status, headers: response.headers, length: nil, close: true)
            guard write(head, to: connection) else { return false }
            let piece = [UInt8](response.body)
            for _ in 0..<max(0, times) where !isStopped {
                guard write(piece, to: connection) else { return false }
            }
            return false
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            return false
        }
    }

    /// The status line and headers, with a `Content-Length` of `length`.
    private func head(_ response: Response, length: Int) -> [UInt8] {
        HTTPWire.head(status: response.status, headers: response.headers, length: length)
    }

    /// Writes the bytes with one `send` (looping only if the kernel takes part of them), so that the client never
    /// waits on a delayed ACK between header and body.
    private func write(_ bytes: [UInt8], to connection: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { raw in
                send(connection, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK, !isStopped { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
