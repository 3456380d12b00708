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
/// one thread per connection up to a bound. Malformed requests get 400, oversized ones 413, and
/// the connection is closed; the server goes on. Every wait is a 50 ms poll that checks the stop flag, so
/// `stop()` ends every thread promptly.
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
    private let listener: Int32
    private let limits: Limits
    private let handler: @Sendable (WireRequest) -> ServerAnswer
    private let threads = DispatchGroup()
    // Guards `stopped` and `open`.
    private let lock = NSLock()
    private var stopped = false
    private var open = 0
    private static let pollMilliseconds: Int32 = 50

    /// Binds `host:port` (port 0: any free one) and starts accepting.
    ///
    /// - Throws: ``SocketError`` when the address is not an IPv4 address, is in use, or the socket cannot be made.
    public init(
        host: String = "127.0.0.1", port: Int = 0, limits: Limits = Limits(),
        handler: @escaping @Sendable (WireRequest) -> ServerAnswer
    ) throws {
        self.host = host
        self.limits = limits
        self.handler = handler
        (listener, self.port) = try Self.bind(host: host, port: port)
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
        thread.name = "SocketHTTPServer.accept"
        thread.start()
    }

    /// Stops accepting, closes every connection and waits (at most `timeout`) for the threads to end. Returns
    /// false when some did not end in time.
    @discardableResult
    public func stop(timeout: Duration = .seconds(5)) -> Bool {
        lock.withLock { stopped = true }
        return threads.wait(timeout: .now() + timeout.timeInterval) == .success
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private static func bind(host: String, port: Int) throws -> (Int32, Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        guard (0...65535).contains(port), inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw SocketError(call: "inet_pton", code: EINVAL)
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                Glibc.bind(fd, address, length) == 0 && getsockname(fd, address, &length) == 0
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
            // A client that stops reading cannot hold a thread (or a shutdown) for longer than this.
            var sendTimeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
            let admitted = lock.withLock {
                guard !stopped, open < limits.maximumConnections else { return false }
                open += 1
                threads.enter()
                return true
            }
            guard admitted else {
                let busy = TransportResponse(
                    statusCode: 503, headers: ["Content-Type": "text/plain", "Retry-After": "1"],
                    body: Data("too many connections\n".utf8))
                _ = write(busy, close: true, to: connection)
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection)
                lock.withLock { open -= 1 }
                threads.leave()
            }
            thread.name = "SocketHTTPServer.connection"
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
        var continued = false
        while !isStopped {
            switch HTTPWire.parse(
                buffer, maximumHeaderBytes: limits.maximumHeaderBytes, maximumBodyBytes: limits.maximumBodyBytes)
            {
            case .complete(let request, let consumed):
                buffer.removeFirst(consumed)
                continued = false
                switch handler(request) {
                case .respond(let response):
                    guard write(response, close: request.wantsClose, to: connection), !request.wantsClose else {
                        return
                    }
                case .hold(let duration):
                    hold(connection, for: duration)
                    return
                case .drop:
                    return
                }
                lastActivity = Date()
                continue
            case .invalid:
                _ = write(Self.plain(400, "malformed HTTP/1.1 request"), close: true, to: connection)
                return
            case .tooLarge:
                _ = write(Self.plain(413, "request larger than the sandbox accepts"), close: true, to: connection)
                return
            case .incomplete:
                if !continued, HTTPWire.expectsContinue(buffer, maximumHeaderBytes: limits.maximumHeaderBytes) {
                    continued = true
                    guard send(bytes: [UInt8]("HTTP/1.1 100 Continue\r\n\r\n".utf8), to: connection) else { return }
                }
            }
            guard Self.waitReadable(connection) else {
                if Date().timeIntervalSince(lastActivity) > limits.idleTimeout.timeInterval { return }
                continue
            }
            let received = recv(connection, &chunk, chunk.count, 0)
            guard received > 0 else { return }
            buffer.append(contentsOf: chunk[0..<received])
            lastActivity = Date()
        }
    }

    /// Reads and discards until the client gives up, the time is over or the server stops.
    private func hold(_ connection: Int32, for duration: Duration) {
        let end = Date().addingTimeInterval(duration.timeInterval)
        var scratch = [UInt8](repeating: 0, count: 4096)
        while !isStopped, Date() < end {
            guard Self.waitReadable(connection) else { continue }
            guard recv(connection, &scratch, scratch.count, 0) > 0 else { return }
        }
    }

    private static func plain(_ status: Int, _ text: String) -> TransportResponse {
        TransportResponse(statusCode: status, headers: ["Content-Type": "text/plain"], body: Data((text + "\n").utf8))
    }

    /// Writes head and body with one `send` where the kernel takes it, so a keep-alive client never waits on a
    /// delayed ACK between them.
    private func write(_ response: TransportResponse, close: Bool, to connection: Int32) -> Bool {
        send(
            bytes: HTTPWire.head(
                status: response.statusCode, headers: response.headers, length: response.body.count, close: close)
                + [UInt8](response.body),
            to: connection)
    }

    private func send(bytes: [UInt8], to connection: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { raw in
                Glibc.send(connection, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
