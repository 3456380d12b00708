import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal keep-alive HTTP/1.1 server on 127.0.0.1 for the transport benchmarks, built not to be the bottleneck:
/// one blocking thread per connection, responses prepared in advance and written with one `send`, `TCP_NODELAY`,
/// nothing recorded (so it does not grow the process's memory while it is measured). It understands only what the
/// benchmark clients send: bodiless requests. Its own throughput is measured with raw sockets by
/// ``rawThroughput(connections:seconds:target:)`` and reported beside the client figures.
final class BenchmarkServer: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The port on 127.0.0.1.
    let port: Int
    private let listener: Int32
    /// The complete response (status line, headers, body) for a request target.
    private let respond: @Sendable (Substring) -> [UInt8]

    init(respond: @escaping @Sendable (Substring) -> [UInt8]) throws {
        self.respond = respond
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 && listen(fd, 1024) == 0
            }
        }
        guard bound else {
            close(fd)
            throw Failure(description: "bind/listen: errno \(errno)")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "BenchmarkServer.accept"
        thread.start()
    }

    /// `http://127.0.0.1:<port>` followed by `path`.
    func url(_ path: String) -> URL? {
        URL(string: "http://127.0.0.1:\(port)\(path)")
    }

    /// A `200 OK` carrying `body` as JSON.
    static func response(json body: [UInt8]) -> [UInt8] {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            var noDelay: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(connection) }
            thread.name = "BenchmarkServer.connection"
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var scanned = 0
        while true {
            if let end = Self.headerEnd(in: buffer, from: scanned) {
                guard let target = Self.target(in: buffer[..<end]) else { return }
                let response = respond(target)
                guard Self.sendAll(response, to: connection) else { return }
                buffer.removeFirst(end + 4)
                scanned = 0
                continue
            }
            scanned = max(0, buffer.count - 3)
            let received = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard received > 0 else { return }
            buffer.append(contentsOf: chunk[0..<received])
        }
    }

    /// The offset of `\r\n\r\n`, searching from `start`.
    private static func headerEnd(in buffer: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The request target of `GET /path?query HTTP/1.1`.
    private static func target(in head: ArraySlice<UInt8>) -> Substring? {
        guard let firstSpace = head.firstIndex(of: 32) else { return nil }
        let rest = head[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: 32) else { return nil }
        return Substring(decoding: rest[..<secondSpace], as: UTF8.self)
    }

    private static func sendAll(_ bytes: [UInt8], to connection: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(
                    connection, raw.baseAddress.map { $0 + offset }, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// Requests per second this server answers to `connections` raw keep-alive socket clients (one thread each,
    /// no HTTP library), each sending `GET target` and reading the whole response before the next. The clients
    /// share the machine's cores with the server, so this is a lower bound of what the server can do.
    func rawThroughput(connections: Int, seconds: Double, target: String) throws -> Double {
        let request = Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        return try Self.rawThroughput(port: port, connections: connections, seconds: seconds, request: request)
    }

    /// Requests per second any HTTP/1.1 server on 127.0.0.1:`port` answers to `connections` raw keep-alive socket
    /// clients, each sending `request` (a whole bodiless request) and reading the whole response before the next.
    static func rawThroughput(port: Int, connections: Int, seconds: Double, request: [UInt8]) throws -> Double {
        let counts = Counts()
        let group = DispatchGroup()
        let deadline = nanoseconds() + UInt64(seconds * 1e9)
        for _ in 0..<connections {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard fd >= 0, connected else { throw Failure(description: "connect: errno \(errno)") }
            var noDelay: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            group.enter()
            let thread = Thread {
                defer {
                    close(fd)
                    group.leave()
                }
                var done = 0
                var chunk = [UInt8](repeating: 0, count: 64 * 1024)
                while nanoseconds() < deadline {
                    guard sendAll(request, to: fd), readResponse(fd, &chunk) else { break }
                    done += 1
                }
                counts.add(done)
            }
            thread.start()
        }
        group.wait()
        return Double(counts.value) / seconds
    }

    /// Reads one response: the head up to `\r\n\r\n`, then `Content-Length` bytes.
    private static func readResponse(_ fd: Int32, _ chunk: inout [UInt8]) -> Bool {
        var received: [UInt8] = []
        var expected: Int?
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            received.append(contentsOf: chunk[0..<count])
            if expected == nil, let end = headerEnd(in: received, from: 0) {
                let head = String(decoding: received[..<end], as: UTF8.self).lowercased()
                guard let range = head.range(of: "content-length: ") else { return false }
                let digits = head[range.upperBound...].prefix { $0.isNumber }
                guard let length = Int(digits) else { return false }
                expected = end + 4 + length
            }
            if let expected, received.count >= expected { return true }
        }
    }

    private final class Counts: @unchecked Sendable {
        // Guards `total`.
        private let lock = NSLock()
        private var total = 0

        var value: Int { lock.withLock { total } }

        func add(_ count: Int) {
            lock.withLock { total += count }
        }
    }
}
