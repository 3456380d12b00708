import Foundation

/// Builds request URLs from a base URL, a path template and query items, percent-encoding every value.
package enum URLBuilder {
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )

    /// Percent-encodes everything except RFC 3986 unreserved characters, so `+`, `&`, `=`, `/`, `?`, `#`, spaces
    /// and non-ASCII text can never change the meaning of a path segment or query.
    package static func percentEncoded(_ text: String) -> String {
        // Ids, page numbers and most query values are unreserved already: nothing to encode, and no trip through
        // `NSString`.
        if text.utf8.allSatisfy(isUnreserved) { return text }
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// Joins `base` and a path template such as `/payments/{id}/cancel`, substituting `parameters` (each
    /// percent-encoded as one segment) and appending `query` in order.
    ///
    /// A trailing slash in the template is kept (some providers route `/payments/` and `/payments` differently);
    /// slashes where base and path meet are merged.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` when a placeholder has no value, a value is empty (an
    ///   empty id would silently address the collection instead of the object) or a dot segment (`.`, `..`), or a
    ///   parameter is not used.
    package static func url(
        base: URL,
        path template: String,
        parameters: [String: String] = [:],
        query: [URLQueryItem] = []
    ) throws -> URL {
        var path = ""
        var used = Set<String>()
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            path += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw PaymentError.invalidRequest("path template \(template) has an unclosed placeholder")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let value = parameters[name] else {
                throw PaymentError.invalidRequest("path parameter \(name) is missing")
            }
            guard !value.isEmpty else {
                throw PaymentError.invalidRequest("\(name) must not be empty")
            }
            // "." and ".." are unreserved, so encoding leaves them as is, and servers resolve them as directories.
            guard value != ".", value != ".." else {
                throw PaymentError.invalidRequest("\(name) must not be \(value)")
            }
            path += percentEncoded(value)
            used.insert(name)
            rest = rest[rest.index(after: close)...]
        }
        path += rest
        // Every name used is a parameter, so some parameter is unused exactly when the counts differ.
        if used.count != parameters.count, let unused = Set(parameters.keys).subtracting(used).sorted().first {
            throw PaymentError.invalidRequest("path parameter \(unused) is not in \(template)")
        }

        var text = base.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += path.hasPrefix("/") ? path : "/" + path
        if !query.isEmpty {
            text +=
                "?"
                + query.map { item in
                    item.value.map { percentEncoded(item.name) + "=" + percentEncoded($0) } ?? percentEncoded(item.name)
                }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw PaymentError.invalidRequest("could not build a URL from \(template)")
        }
        return url
    }
}
