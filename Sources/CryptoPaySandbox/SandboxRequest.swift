import Foundation

/// A request as a simulator sees it: method, the path below the base URL split into segments, the query, the
/// headers and the body parsed as JSON.
struct SandboxRequest {
    let method: RequestMethod
    /// The path below the base URL's path, without empty segments (`/v1/payments/abc/` → `["payments", "abc"]`).
    let segments: [String]
    /// True when the path ended with `/`.
    let trailingSlash: Bool
    let query: [String: String]
    let headers: HeaderFields
    /// The body as JSON; `nil` when there is none, `.null` when it is not JSON.
    let json: JSONValue?

    init(_ request: TransportRequest, base: URL) {
        method = request.method
        headers = request.headers
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let path = components?.path ?? ""
        let basePath = base.path.hasSuffix("/") ? String(base.path.dropLast()) : base.path
        let relative = path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
        segments = relative.split(separator: "/").map(String.init)
        trailingSlash = relative.hasSuffix("/")
        var query: [String: String] = [:]
        for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
        self.query = query
        if let body = request.body, !body.isEmpty {
            json = (try? JSONDecoder().decode(JSONValue.self, from: body)) ?? .null
        } else {
            json = nil
        }
    }

    /// True for `method` on exactly these path segments, where `*` matches any one segment.
    func matches(_ method: RequestMethod, _ pattern: String...) -> Bool {
        guard self.method == method, segments.count == pattern.count else { return false }
        return zip(segments, pattern).allSatisfy { $1 == "*" || $0 == $1 }
    }

    /// The body's member `name`.
    subscript(name: String) -> JSONValue? {
        json?[name]
    }
}

/// Building responses.
enum SandboxReply {
    /// A JSON response with exact numbers.
    static func json(_ status: Int, _ value: JSONValue, headers: HeaderFields = [:]) -> TransportResponse {
        var fields: HeaderFields = ["Content-Type": "application/json"]
        for field in headers { fields[field.name] = field.value }
        let body = (try? JSONEncoder().encode(value)) ?? Data("null".utf8)
        return TransportResponse(statusCode: status, headers: fields, body: body)
    }

    /// A decimal as a JSON number.
    static func number(_ value: Decimal) -> JSONValue {
        .number(value)
    }

    /// A date as the provider writes it: ISO 8601, whole seconds, UTC.
    static func date(_ value: Date) -> JSONValue {
        .string(DateCoding.format(value))
    }

    /// The JSON bytes of a webhook body (compact, as providers send them).
    static func body(_ value: JSONValue) -> Data {
        (try? JSONEncoder().encode(value)) ?? Data("null".utf8)
    }
}
