import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The socket work that the sandbox server and the tests' loopback server share: binding an IPv4 address, accepting
/// connections on a thread each up to a bound, waits of at most 50 ms that notice a stop, whole writes, and the loop
/// that reads one HTTP/1.1 request after another. What each server answers is its own.
package final class ConnectionListener: @unchecked Sendable {
    /// The port listened on (the one the system chose when 0 was asked).
    package let port: Int
    private let listener: Int32
    private let name: String
    private let maximumConnections: Int
    private let sendTimeout: Duration
    private let refuse: @Sendable (Connection) -> Void
    private let serve: @Sendable (Connection) -> Void
    private let threads = DispatchGroup()
    // Guards `stopped`, `open` and `accepted`.
    private let lock = NSLock()
    private var stopped = false
    private var open = 0
    private var accepted = 0
    fileprivate static let pollMilliseconds: Int32 = 50

    /// Binds `host:port` (port 0: any free one) and starts accepting; `name` names the threads (`name.accept`,
    /// `name.connection`).
    ///
    /// - Parameters:
    ///   - maximumConnections: connections served at once; one more is given to `refuse` and closed.
    ///   - sendTimeout: how long a write to a client that stopped reading may block, so that it cannot hold a thread
    ///     or a stop.
    ///   - serve: runs on the connection's own thread; the connection is closed when it returns.
    /// - Throws: `SocketHTTPServer.SocketError` when the address is not an IPv4 address, is in use, or the socket
    ///   cannot be made.
    package init(
        host: String, port: Int, maximumConnections: Int = .max, sendTimeout: Duration, name: String,
        refuse: @escaping @Sendable (Connection) -> Void = { _ in },
        serve: @escaping @Sendable (Connection) -> Void
    ) throws {
        self.name = name
        self.maximumConnections = maximumConnections
        self.sendTimeout = sendTimeout
        self.refuse = refuse
        self.serve = serve
        (listener, self.port) = try Self.bind(host: host, port: port)
        guard listen(listener, 128) == 0 else {
            let code = errno
            close(listener)
            throw SocketHTTPServer.SocketError(call: "listen", code: code)
        }
        threads.enter()
        let thread = Thread { [self] in
            acceptLoop()
            threads.leave()
        }
        thread.name = "\(name).accept"
        thread.start()
    }

    /// A port on `host` that was free a moment ago and has nothing listening on it now.
    ///
    /// - Throws: `SocketHTTPServer.SocketError` when no socket can be bound.
    package static func closedPort(host: String = "127.0.0.1") throws -> Int {
        let (socket, port) = try bind(host: host, port: 0)
        close(socket)
        return port
    }

    /// Stops accepting, closes every connection and waits (at most `timeout`) for the threads to end. Returns false
    /// when some did not end in time.
    package func stop(timeout: Duration) -> Bool {
        lock.withLock { stopped = true }
        return threads.wait(timeout: .now() + timeout.timeInterval) == .success
    }

    /// True once `stop(timeout:)` was called.
    package var isStopped: Bool { lock.withLock { stopped } }

    /// Connections being served now.
    package var openConnections: Int { lock.withLock { open } }

    /// Connections accepted since the start, refused ones not counted.
    package var acceptedConnections: Int { lock.withLock { accepted } }

    private static func bind(host: String, port: Int) throws -> (Int32, Int) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        guard (0...65535).contains(port), inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw SocketHTTPServer.SocketError(call: "inet_pton", code: EINVAL)
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SocketHTTPServer.SocketError(call: "socket", code: errno) }
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
            throw SocketHTTPServer.SocketError(call: "bind", code: code)
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            guard Connection.waitReadable(listener) else { continue }
            let descriptor = accept(listener, nil, nil)
            guard descriptor >= 0 else { continue }
            var noDelay: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let (seconds, attoseconds) = sendTimeout.components
            var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
            setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let connection = Connection(descriptor: descriptor, listener: self)
            let admitted = lock.withLock {
                guard !stopped, open < maximumConnections else { return false }
                open += 1
                accepted += 1
                threads.enter()
                return true
            }
            guard admitted else {
                if !isStopped { refuse(connection) }
                close(descriptor)
                continue
            }
            let thread = Thread { [self] in
                serve(connection)
                close(descriptor)
                lock.withLock { open -= 1 }
                threads.leave()
            }
            thread.name = "\(name).connection"
            thread.start()
        }
    }
}

/// One accepted connection, as the thread serving it sees it (used from that thread only).
package final class Connection: @unchecked Sendable {
    /// The socket.
    package let descriptor: Int32
    private let listener: ConnectionListener
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    fileprivate init(descriptor: Int32, listener: ConnectionListener) {
        self.descriptor = descriptor
        self.listener = listener
    }

    /// True once the server is stopping: every loop on the connection ends.
    package var isStopped: Bool { listener.isStopped }

    fileprivate static func waitReadable(_ descriptor: Int32) -> Bool {
        var poll = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return Glibc.poll(&poll, 1, ConnectionListener.pollMilliseconds) > 0
    }

    /// Waits at most 50 ms for bytes to read; true when some (or the end of the stream) arrived.
    package func waitReadable() -> Bool { Self.waitReadable(descriptor) }

    /// Appends what the socket has to `buffer`; false when the client closed the connection or it failed.
    package func receive(into buffer: inout [UInt8]) -> Bool {
        let received = recv(descriptor, &chunk, chunk.count, 0)
        guard received > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<received])
        return true
    }

    /// Writes all of `bytes`, with one `send` where the kernel takes them (so a keep-alive client never waits on a
    /// delayed ACK between a response's head and body); false when the connection failed or the server stopped.
    package func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK, !isStopped { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Sleeps `duration` in slices of at most 5 ms, so that a stop is not held up; false when the server stopped.
    package func pause(_ duration: Duration) -> Bool {
        let end = Date().addingTimeInterval(duration.timeInterval)
        while !isStopped {
            // One clock reading per slice: a second could already be past `end`, and a negative interval does not
            // convert to `useconds_t`.
            let remaining = end.timeIntervalSinceNow
            guard remaining > 0 else { return true }
            usleep(useconds_t(min(remaining, 0.005) * 1_000_000))
        }
        return false
    }

    /// Reads requests one after another and gives each to `answer`, until `answer` returns false, the client closes,
    /// the connection idles for `idleTimeout`, or the server stops. A request that announces `Expect: 100-continue`
    /// gets its interim answer; a malformed or oversized one goes to `refuse` (`tooLarge` says which) and ends the
    /// connection.
    package func readRequests(
        maximumHeaderBytes: Int, maximumBodyBytes: Int, idleTimeout: Duration,
        refuse: (_ tooLarge: Bool) -> Void,
        answer: (WireRequest) -> Bool
    ) {
        var buffer: [UInt8] = []
        var lastActivity = Date()
        var continued = false
        while !isStopped {
            switch HTTPWire.parse(buffer, maximumHeaderBytes: maximumHeaderBytes, maximumBodyBytes: maximumBodyBytes) {
            case .complete(let request, let consumed):
                buffer.removeFirst(consumed)
                continued = false
                guard answer(request) else { return }
                lastActivity = Date()
                continue
            case .invalid:
                refuse(false)
                return
            case .tooLarge:
                refuse(true)
                return
            case .incomplete:
                if !continued, HTTPWire.expectsContinue(buffer, maximumHeaderBytes: maximumHeaderBytes) {
                    continued = true
                    guard send([UInt8]("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
                }
            }
            guard waitReadable() else {
                if Date().timeIntervalSince(lastActivity) > idleTimeout.timeInterval { return }
                continue
            }
            guard receive(into: &buffer) else { return }
            lastActivity = Date()
        }
    }
}
