import Foundation

/// A webhook delivery as it reached the merchant's server: the raw body bytes and the request headers.
///
/// Signatures are computed over the exact bytes the provider sent, so build this from the body as received, before
/// any JSON decoding: a body that was decoded and re-encoded (different whitespace, key order or escaping) no longer
/// matches its signature.
///
/// Verifiers bound the work an attacker can cause: a body over ``maximumBodyBytes`` is rejected before it is hashed
/// or parsed, and a signature, id or timestamp header over ``maximumHeaderValueBytes`` or holding a control character
/// (a line break smuggled into a header) is rejected before it is read.
public struct WebhookRequest: Sendable {
    /// The largest body a verifier accepts, in bytes (1 MiB, the largest of the Svix libraries' published test
    /// vectors). Payment webhooks are a few kilobytes; anything larger than this is not one, and hashing or parsing
    /// it (before any signature or lookup has vouched for it) would only cost time.
    public static let maximumBodyBytes = 1024 * 1024

    /// The longest value a verifier accepts for a header it reads (signature, id, timestamp), in bytes (8 KiB, a
    /// common limit of HTTP servers). A genuine signature header is under 200 bytes.
    public static let maximumHeaderValueBytes = 8 * 1024

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
    /// meant is unknowable and a proxy or attacker may have added one. An empty value is malformed too, and so is one
    /// over ``maximumHeaderValueBytes`` or holding a control character other than a tab: a line break inside a
    /// header value means something spliced headers together.
    func uniqueHeader(_ name: String, provider: ProviderID?) throws(PaymentError) -> String? {
        var found: String?
        for field in headers where asciiCaseInsensitiveEquals(field.name, name) {
            guard field.value.utf8.count <= Self.maximumHeaderValueBytes else {
                throw .webhookRejected(
                    .malformedHeader(name),
                    "The \(name) header is longer than \(Self.maximumHeaderValueBytes) bytes.",
                    provider: provider
                )
            }
            guard !field.value.utf8.contains(where: isControlCharacter) else {
                throw .webhookRejected(
                    .malformedHeader(name),
                    "The \(name) header contains a line break or another control character.",
                    provider: provider
                )
            }
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

extension WebhookRequest {
    /// Rejects a body over ``maximumBodyBytes`` before any work is spent on it.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` with reason
    ///   ``WebhookRejectionReason/malformedPayload``.
    package func checkBodySize(provider: ProviderID?) throws(PaymentError) {
        try Self.checkBodySize(body.count, provider: provider)
    }

    /// Rejects a body length over ``maximumBodyBytes``.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` with reason
    ///   ``WebhookRejectionReason/malformedPayload``.
    package static func checkBodySize(_ length: Int, provider: ProviderID?) throws(PaymentError) {
        guard length <= maximumBodyBytes else {
            throw .webhookRejected(
                .malformedPayload,
                "The webhook body is \(length) bytes, more than the \(maximumBodyBytes) accepted.",
                provider: provider
            )
        }
    }
}

/// C0 controls other than the horizontal tab, and DEL: never part of a header value a provider sends.
private func isControlCharacter(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09) || byte == 0x7F
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
