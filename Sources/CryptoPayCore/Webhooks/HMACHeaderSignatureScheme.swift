import Foundation

/// HMAC-SHA256 of the raw body in one header: the Store Gateway (`X-Webhook-HMAC-SHA256`) and the USDT invoice API
/// (`X-Webhook-Signature`).
///
/// The code is keyed with the UTF-8 bytes of the secret as the provider shows it (not decoded). Because the Store
/// Gateway document does not say how it encodes the code, the header is accepted as hex in either case, as hex
/// after a `sha256=` prefix, or as base64 (padded or not).
///
/// These schemes sign no timestamp and no id, so a captured delivery stays valid forever: replay protection is the
/// caller's job. Process each event at most once by its provider payment id plus status (or event id), recorded
/// durably — ``SeenEventStore`` helps within one process. The header may appear once; repeated with different values
/// it is rejected as ``WebhookRejectionReason/malformedHeader(_:)``.
public struct HMACHeaderSignatureScheme: WebhookSignatureScheme, CustomStringConvertible, CustomReflectable {
    /// How ``sign(body:secret:headerName:encoding:)`` writes the code.
    public enum Encoding: Hashable, Sendable {
        /// 64 lowercase hex digits.
        case lowercaseHex
        /// 64 uppercase hex digits.
        case uppercaseHex
        /// `sha256=` followed by 64 lowercase hex digits.
        case prefixedLowercaseHex
        /// 44 characters of padded base64.
        case base64
    }

    /// The Store Gateway's signature header.
    public static let storeGatewayHeaderName = "X-Webhook-HMAC-SHA256"
    /// The USDT invoice API's signature header.
    public static let usdtInvoiceHeaderName = "X-Webhook-Signature"

    /// The header carrying the code; looked up case-insensitively.
    public let headerName: String
    /// The provider named in rejection errors.
    public let provider: ProviderID?
    private let keys: [HMACSHA256]

    /// Creates a verifier for one or more secrets (several during a rotation; any match accepts).
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/invalidRequest`` when `headerName` is empty,
    ///   `secrets` is empty, or a secret is empty. The message names the secret by position, never by value.
    public init(headerName: String, secrets: [String], provider: ProviderID? = nil) throws {
        guard !headerName.isEmpty else {
            throw PaymentError.invalidRequest("The webhook signature header name must not be empty.")
        }
        guard !secrets.isEmpty else {
            throw PaymentError.invalidRequest("A webhook verifier needs at least one secret.")
        }
        self.keys = try secrets.enumerated().map { try Self.key(fromSecret: $0.element, position: $0.offset + 1) }
        self.headerName = headerName
        self.provider = provider
    }

    /// Checks the code in the signature header against the raw body. The scheme signs no id or time, so the result
    /// is empty.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` with reason
    ///   ``WebhookRejectionReason/missingHeader(_:)``, ``WebhookRejectionReason/malformedHeader(_:)`` (empty,
    ///   repeated with different values, over ``WebhookRequest/maximumHeaderValueBytes``, holding a line break, or
    ///   not 32 bytes of hex or base64), ``WebhookRejectionReason/malformedPayload`` for a body over
    ///   ``WebhookRequest/maximumBodyBytes``, or ``WebhookRejectionReason/noMatchingSignature``.
    @discardableResult
    public func verify(_ request: WebhookRequest) throws -> VerifiedSignature {
        try verifyTyped(request)
    }

    private func verifyTyped(_ request: WebhookRequest) throws(PaymentError) -> VerifiedSignature {
        try request.checkBodySize(provider: provider)
        guard let value = try request.uniqueHeader(headerName, provider: provider) else {
            throw .webhookRejected(
                .missingHeader(headerName), "The \(headerName) header is missing.", provider: provider)
        }
        let candidates = Self.candidateCodes(in: value)
        guard !candidates.isEmpty else {
            throw .webhookRejected(
                .malformedHeader(headerName),
                "The \(headerName) header is not an HMAC-SHA256 in hex (optionally after sha256=) or base64.",
                provider: provider
            )
        }
        var expected: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for key in keys {
            var authenticator = key
            authenticator.update(request.body)
            let matched = withUnsafeMutableBytes(of: &expected) { code in
                authenticator.finalize(into: code)
                return candidates.contains { ConstantTime.equals(UnsafeRawBufferPointer(code), $0) }
            }
            if matched { return VerifiedSignature() }
        }
        throw .webhookRejected(
            .noMatchingSignature,
            "The \(headerName) signature matches no configured secret. Verify the raw request body exactly as "
                + "received: a body that was decoded and re-encoded as JSON (whitespace, key order, escaping) no "
                + "longer matches. Also check the secret.",
            provider: provider
        )
    }

    /// Signs `body` as the provider would and returns the one header it would send, for testing webhook handlers.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/invalidRequest`` when `secret` or `headerName` is
    ///   empty.
    public static func sign(
        body: Data,
        secret: String,
        headerName: String,
        encoding: Encoding = .lowercaseHex
    ) throws -> HeaderFields {
        guard !headerName.isEmpty else {
            throw PaymentError.invalidRequest("The webhook signature header name must not be empty.")
        }
        var authenticator = try key(fromSecret: secret, position: 1)
        authenticator.update(body)
        let code = authenticator.finalize()
        let value =
            switch encoding {
            case .lowercaseHex: Hex.encode(code)
            case .uppercaseHex: Hex.encode(code, uppercase: true)
            case .prefixedLowercaseHex: "sha256=" + Hex.encode(code)
            case .base64: Base64.encode(code)
            }
        return [headerName: value]
    }

    /// The header name and the number of secrets; the secrets themselves are never shown.
    public var description: String {
        "HMACHeaderSignatureScheme(header: \(headerName), secrets: \(keys.count) [REDACTED])"
    }

    /// Shows the header name and provider only, so that `dump` and debuggers do not print key material.
    public var customMirror: Mirror {
        Mirror(self, children: ["headerName": headerName, "provider": provider as Any], displayStyle: .struct)
    }

    private static func key(fromSecret secret: String, position: Int) throws(PaymentError) -> HMACSHA256 {
        guard !secret.isEmpty else {
            throw .invalidRequest("Webhook secret #\(position) is empty.")
        }
        return HMACSHA256(key: secret.utf8)
    }

    /// Every 32-byte reading of the header value. A 64-digit hex string is also valid base64 (of 48 bytes), so
    /// each encoding is tried and only readings of the right length are kept.
    private static func candidateCodes(in value: String) -> [[UInt8]] {
        var text = Substring(value).utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        while let last = text.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            text.removeLast()
        }
        let prefix = "sha256="
        if String(decoding: text.prefix(prefix.utf8.count), as: UTF8.self).lowercased() == prefix {
            text.removeFirst(prefix.utf8.count)
        }
        return [Hex.decode(text), Base64.decode(text)].compactMap { $0 }.filter { $0.count == HMACSHA256.byteCount }
    }
}
