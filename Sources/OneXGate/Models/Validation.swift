import CryptoPayCore
import Foundation

/// Client-side checks, run before anything is sent.
enum Validation {
    /// A required string: not blank.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` otherwise.
    static func required(_ value: String, field: String) throws -> String {
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw PaymentError.invalidRequest("\(field) must not be empty")
        }
        return value
    }

    /// A page the customer's browser can be sent to: an absolute `http` or `https` URL with a host.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` naming `field` otherwise.
    static func webURL(_ url: URL?, field: String) throws -> URL {
        let scheme = url?.scheme?.lowercased()
        guard let url, scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty else {
            throw PaymentError.invalidRequest(
                "\(field) must be an absolute http(s) URL, got \(url?.absoluteString ?? "nothing")")
        }
        return url
    }
}
