import CryptoPayCore
import Foundation

/// One HTTP/1.1 request as it came off a socket: method, target, headers and a `Content-Length` body.
public struct WireRequest: Sendable {
    /// The method as sent (`GET`, `POST`…).
    public var method: String
    /// The request target exactly as sent: path and query.
    public var target: String
    /// The header fields, in order.
    public var headers: HeaderFields
    /// The body (empty without `Content-Length`).
    public var body: Data

    /// Creates a request.
    public init(method: String, target: String, headers: HeaderFields, body: Data) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The target without its query.
    public var path: String { String(target.prefix { $0 != "?" }) }

    /// The query after `?`, or `nil` when there is none.
    public var query: String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: mark)...])
    }

    /// True when the client asked to close the connection after this request.
    public var wantsClose: Bool { headers["Connection"]?.lowercased() == "close" }
}

/// Reading requests from and writing responses to the bytes of an HTTP/1.1 connection. Shared by the sandbox server
/// and the tests' loopback server, so both accept and refuse exactly the same input.
public enum HTTPWire {
    /// What the bytes received so far hold.
    public enum Parsed: Sendable {
        /// Not a whole request yet: read more.
        case incomplete
        /// Not HTTP/1.x, a malformed header, a `Transfer-Encoding` body: answer 400 and close.
        case invalid
        /// The head or the announced body is above the limits: answer 413 and close.
        case tooLarge
        /// A whole request, and how many bytes of the buffer it used.
        case complete(WireRequest, consumed: Int)
    }

    /// Parses the first request in `buffer`.
    ///
    /// - Parameters:
    ///   - buffer: the bytes read from the connection so far.
    ///   - maximumHeaderBytes: the longest request line and headers accepted.
    ///   - maximumBodyBytes: the largest `Content-Length` accepted; a larger one is refused before its body arrives.
    public static func parse(_ buffer: [UInt8], maximumHeaderBytes: Int, maximumBodyBytes: Int) -> Parsed {
        guard let headerEnd = headerTerminator(in: buffer, limit: maximumHeaderBytes + 4) else {
            return buffer.count > maximumHeaderBytes ? .tooLarge : .incomplete
        }
        let head = String(decoding: buffer[0..<headerEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."), !requestLine[0].isEmpty,
            requestLine[1].hasPrefix("/")
        else { return .invalid }
        var headers = HeaderFields()
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return .invalid }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name: String(line[..<colon]), value: value)
        }
        if headers.contains("Transfer-Encoding") { return .invalid }
        guard let length = Int(headers["Content-Length"] ?? "0"), length >= 0 else { return .invalid }
        guard length <= maximumBodyBytes else { return .tooLarge }
        let bodyStart = headerEnd + 4
        guard buffer.count >= bodyStart + length else { return .incomplete }
        let request = WireRequest(
            method: String(requestLine[0]),
            target: String(requestLine[1]),
            headers: headers,
            body: Data(buffer[bodyStart..<(bodyStart + length)])
        )
        return .complete(request, consumed: bodyStart + length)
    }

    /// True when the request head in `buffer` is complete and asks for `Expect: 100-continue`: the client (curl, for
    /// bodies above 1 KiB) waits for an interim `100 Continue` before it sends the body.
    public static func expectsContinue(_ buffer: [UInt8], maximumHeaderBytes: Int) -> Bool {
        guard let headerEnd = headerTerminator(in: buffer, limit: maximumHeaderBytes + 4) else { return false }
        let head = String(decoding: buffer[0..<headerEnd], as: UTF8.self).lowercased()
        return head.components(separatedBy: "\r\n").dropFirst().contains {
            $0.replacingOccurrences(of: " ", with: "") == "expect:100-continue"
        }
    }

    /// The status line and headers, with a `Content-Length` of `length` (any `Content-Length` in `headers` is
    /// replaced) and, when `close` is true, `Connection: close`.
    public static func head(status: Int, headers: HeaderFields, length: Int?, close: Bool = false) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason(status))\r\n"
        for field in headers {
            let name = field.name.lowercased()
            guard name != "content-length", name != "connection" else { continue }
            head += "\(field.name): \(field.value)\r\n"
        }
        if let length { head += "Content-Length: \(length)\r\n" }
        if close { head += "Connection: close\r\n" }
        return [UInt8]((head + "\r\n").utf8)
    }

    /// The reason phrase of a status code.
    public static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }

    private static func headerTerminator(in buffer: [UInt8], limit: Int) -> Int? {
        let end = min(buffer.count, limit)
        guard end >= 4 else { return nil }
        for index in 0...(end - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }
}
