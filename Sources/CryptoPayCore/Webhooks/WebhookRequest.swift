import Foundation

/// A webhook delivery as it reached the merchant's server: the raw body bytes and the request headers.
///
/// Signatures are computed over the exact bytes the provider sent, so build this from the body as received, before
/// any JSON decoding: a body that was decoded and re-encoded (different whitespace, key order or escaping) no longer
/// matches its signature.
public struct WebhookRequest: Sendable {
    /// The request body exactly as received.
    public var body: Data
    /// The request headers; lookups are case-insensitive.
    public var headers: HeaderFields

    /// Creates a request from the raw body and the headers.
    public init(body: Data, headers: HeaderFields) {
        self.body = body
        self.headers = headers
    }

    /// Creates a request from the raw body and headers given as a dictionary (for frameworks that expose them so).
    public init(body: Data, headers: [String: String]) {
        self.body = body
        self.headers = HeaderFields(headers.map { ($0.key, $0.value) })
    }

    /// Creates a request from the raw body and any sequence of `(name:, value:)` pairs, such as Vapor's
    /// `req.headers`, passed straight in.
    public init<Headers: Sequence>(body: Data, headers: Headers)
    where Headers.Element == (name: String, value: String) {
        self.body = body
        self.headers = HeaderFields(headers.map { ($0.name, $0.value) })
    }

    /// Creates a request from the raw body and any sequence of unlabelled name/value pairs (for Hummingbird:
    /// `request.headers.map { ($0.name.rawName, $0.value) }`).
    public init<Headers: Sequence>(body: Data, headers: Headers) where Headers.Element == (String, String) {
        self.body = body
        self.headers = HeaderFields(Array(headers))
    }

    /// The value of the header `name`, or `nil` when it is absent.
    ///
    /// A header repeated with identical values counts as one; repeated with different values it throws
    /// ``PaymentError`` with reason ``WebhookRejectionReason/malformedHeader(_:)``, because which copy the provider
    /// meant is unknowable and a proxy or attacker may have added one. An empty value is malformed too.
    func uniqueHeader(_ name: String, provider: ProviderID?) throws(PaymentError) -> String? {
        var found: String?
        for field in headers where asciiCaseInsensitiveEquals(field.name, name) {
            if let previous = found, previous != field.value {
                throw .webhookRejected(
                    .malformedHeader(name),
                    "The \(name) header appears more than once with different values.",
                    provider: provider
                )
            }
            found = field.value
        }
        if let found, found.isEmpty {
            throw .webhookRejected(.malformedHeader(name), "The \(name) header is empty.", provider: provider)
        }
        return found
    }
}

/// Header names are ASCII, so comparing bytes with the case bit folded avoids the cost of Foundation's
/// locale-aware comparison on every delivery.
private func asciiCaseInsensitiveEquals(_ lhs: String, _ rhs: String) -> Bool {
    let left = lhs.utf8
    let right = rhs.utf8
    guard left.count == right.count else { return false }
    for (l, r) in zip(left, right) where l != r {
        let lowerL = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(l) ? l | 0x20 : l
        let lowerR = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(r) ? r | 0x20 : r
        if lowerL != lowerR { return false }
    }
    return true
}
