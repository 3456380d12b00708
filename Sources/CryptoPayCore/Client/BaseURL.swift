import Foundation

/// Checks provider base URLs: credentials must only travel over TLS.
package enum BaseURL {
    /// Returns `url` when it is an absolute `https` URL, or an `http` URL whose host is loopback (127.0.0.0/8,
    /// `::1`, `localhost`) for tests and local sandboxes.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` for anything else (plain `http` to a remote host, no
    ///   host, another scheme, a query or fragment, embedded user info).
    package static func validated(_ url: URL) throws -> URL {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw PaymentError.invalidRequest("base URL \(Redactor.redactedURL(url)) is not an absolute URL")
        }
        guard components.user == nil, components.password == nil else {
            throw PaymentError.invalidRequest("base URL must not contain user info; pass credentials separately")
        }
        guard components.query == nil, components.fragment == nil else {
            throw PaymentError.invalidRequest("base URL \(Redactor.redactedURL(url)) must not have a query or fragment")
        }
        switch scheme {
        case "https":
            return url
        case "http" where isLoopback(host):
            return url
        case "http":
            throw PaymentError.invalidRequest(
                "base URL \(Redactor.redactedURL(url)) must use https; plain http is allowed only for loopback hosts"
            )
        default:
            throw PaymentError.invalidRequest("base URL scheme \(scheme) is not supported; use https")
        }
    }

    /// True for `localhost`, any 127.x.y.z address and `::1`.
    package static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCII) && octet.allSatisfy(\.isNumber)
                && (Int(octet) ?? 256) <= 255
        }
    }
}
