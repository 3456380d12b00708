import Foundation

/// The Svix / Standard Webhooks signature scheme (used by UseGateway).
///
/// The provider sends an id, a Unix timestamp and one or more signatures in headers (`svix-id`, `svix-timestamp`,
/// `svix-signature`, or the `webhook-` spellings of Standard Webhooks). Each signature is
/// `v1,<base64 HMAC-SHA256>` of `"<id>.<timestamp>.<raw body>"` keyed with the base64-decoded endpoint secret
/// (`whsec_…`). The timestamp must lie within ``tolerance`` of the current time, which bounds how long a captured
/// delivery can be replayed; within that window, drop repeats by their id (see ``SeenEventStore``).
///
/// Several secrets may be configured, so an endpoint keeps working while its secret is rotated: a delivery is
/// accepted when any signature matches any secret. Each header may appear once; a header repeated with different
/// values is rejected as ``WebhookRejectionReason/malformedHeader(_:)``. Secrets are decoded into HMAC keys once, at
/// construction, and never appear in descriptions or errors.
public struct SvixSignatureScheme: WebhookSignatureScheme, CustomStringConvertible, CustomReflectable {
    /// The names of the three headers of one spelling of the scheme.
    public struct HeaderNames: Hashable, Sendable {
        /// The message id header.
        public var id: String
        /// The Unix timestamp header (whole seconds).
        public var timestamp: String
        /// The space-separated signature list header.
        public var signature: String

        /// `svix-id`, `svix-timestamp`, `svix-signature`: what Svix (and UseGateway) sends.
        public static let svix = HeaderNames(id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature")
        /// `webhook-id`, `webhook-timestamp`, `webhook-signature`: the Standard Webhooks spelling, read when the
        /// `svix-` header is absent.
        public static let standardWebhooks = HeaderNames(
            id: "webhook-id",
            timestamp: "webhook-timestamp",
            signature: "webhook-signature"
        )
    }

    /// The default tolerance between the webhook timestamp and the current time, in either direction: 5 minutes,
    /// as in the official Svix libraries.
    public static let defaultTolerance: Duration = .seconds(300)

    /// How far the timestamp may lie in the past or the future of the current time.
    public let tolerance: Duration
    /// The provider named in rejection errors.
    public let provider: ProviderID?
    private let keys: [HMACSHA256]
    private let clock: WaitClock

    /// Creates a verifier for one or more endpoint secrets.
    ///
    /// - Parameters:
    ///   - secrets: Endpoint secrets as shown by the provider, with or without the `whsec_` prefix, base64 padded
    ///     or not. More than one during a rotation.
    ///   - tolerance: The accepted clock difference, in both directions.
    ///   - provider: The provider named in rejection errors.
    ///   - clock: The time the timestamp is compared with; inject a fixed one in tests.
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/invalidRequest`` when `secrets` is empty, a secret is
    ///   empty or not base64, or `tolerance` is negative. The message names the secret by position,
    ///   never by value.
    public init(
        secrets: [String],
        tolerance: Duration = SvixSignatureScheme.defaultTolerance,
        provider: ProviderID? = nil,
        clock: WaitClock = .system
    ) throws {
        guard !secrets.isEmpty else {
            throw PaymentError.invalidRequest("A Svix webhook verifier needs at least one secret.")
        }
        guard tolerance >= .zero else {
            throw PaymentError.invalidRequest("The webhook timestamp tolerance must not be negative.")
        }
        self.keys = try secrets.enumerated().map { try Self.key(fromSecret: $0.element, position: $0.offset + 1) }
        self.tolerance = tolerance
        self.provider = provider
        self.clock = clock
    }

    /// Creates a verifier for a single endpoint secret; see ``init(secrets:tolerance:provider:clock:)``.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/invalidRequest`` for an empty or non-base64 secret or
    ///   an invalid tolerance.
    public init(
        secret: String,
        tolerance: Duration = SvixSignatureScheme.defaultTolerance,
        provider: ProviderID? = nil,
        clock: WaitClock = .system
    ) throws {
        try self.init(secrets: [secret], tolerance: tolerance, provider: provider, clock: clock)
    }

    /// Checks the headers, the timestamp and the signatures of `request`.
    ///
    /// Returns the signed id and timestamp.
    ///
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/webhookRejected`` with reason
    ///   ``WebhookRejectionReason/missingHeader(_:)`` or ``WebhookRejectionReason/malformedHeader(_:)`` (absent,
    ///   empty or conflicting repeated header, one over ``WebhookRequest/maximumHeaderValueBytes`` or holding a line
    ///   break), ``WebhookRejectionReason/malformedPayload`` for a body over ``WebhookRequest/maximumBodyBytes``,
    ///   ``WebhookRejectionReason/malformedTimestamp``,
    ///   ``WebhookRejectionReason/timestampTooOld``, ``WebhookRejectionReason/timestampTooNew``,
    ///   ``WebhookRejectionReason/noSupportedSignature`` (no well-formed `v1` entry), or
    ///   ``WebhookRejectionReason/noMatchingSignature``.
    @discardableResult
    public func verify(_ request: WebhookRequest) throws -> VerifiedSignature {
        try verifyTyped(request)
    }

    private func verifyTyped(_ request: WebhookRequest) throws(PaymentError) -> VerifiedSignature {
        try request.checkBodySize(provider: provider)
        let svix = HeaderNames.svix
        let standard = HeaderNames.standardWebhooks
        let id = try requiredHeader(svix.id, orElse: standard.id, in: request)
        let timestamp = try requiredHeader(svix.timestamp, orElse: standard.timestamp, in: request)
        let signatureHeader = try requiredHeader(svix.signature, orElse: standard.signature, in: request)

        let signedAt = try checkTimestamp(timestamp)
        let signatures = Self.v1Signatures(in: signatureHeader)
        guard !signatures.isEmpty else {
            throw .webhookRejected(
                .noSupportedSignature,
                "The signature header has no well-formed v1 signature (expected space-separated \"v1,<base64>\" "
                    + "entries).",
                provider: provider
            )
        }

        var expected: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for key in keys {
            var authenticator = key
            authenticator.update(id)
            authenticator.update(".")
            authenticator.update(timestamp)
            authenticator.update(".")
            authenticator.update(request.body)
            let matched = withUnsafeMutableBytes(of: &expected) { code in
                authenticator.finalize(into: code)
                return signatures.contains { ConstantTime.equals(UnsafeRawBufferPointer(code), $0) }
            }
            if matched { return VerifiedSignature(deliveryID: id, timestamp: signedAt) }
        }
        throw .webhookRejected(
            .noMatchingSignature,
            "No v1 signature matches any configured secret. Verify the raw request body exactly as received: a body "
                + "that was decoded and re-encoded as JSON (whitespace, key order, escaping) no longer matches. Also "
                + "check that the secret is this endpoint's.",
            provider: provider
        )
    }

    /// Signs `body` as the provider would and returns the three headers it would send, so that webhook handlers
    /// can be tested with deliveries indistinguishable from real ones.
    ///
    /// - Parameters:
    ///   - body: The exact body bytes that will be sent.
    ///   - id: The message id (`msg_…`); must not be empty.
    ///   - timestamp: The signing time; fractions of a second are dropped.
    ///   - secret: The endpoint secret, with or without `whsec_`.
    ///   - headerNames: Which spelling of the headers to produce.
    /// - Throws: ``PaymentError`` of kind ``PaymentError/Kind/invalidRequest`` for an empty or non-base64 secret,
    ///   an empty id, or a timestamp outside the range of 64-bit Unix seconds.
    public static func sign(
        body: Data,
        id: String,
        timestamp: Date,
        secret: String,
        headerNames: HeaderNames = .svix
    ) throws -> HeaderFields {
        guard !id.isEmpty else { throw PaymentError.invalidRequest("A webhook id must not be empty.") }
        guard let seconds = Int64(exactly: timestamp.timeIntervalSince1970.rounded(.down)) else {
            throw PaymentError.invalidRequest("The webhook timestamp is outside the range of Unix seconds.")
        }
        var authenticator = try key(fromSecret: secret, position: 1)
        let timestampText = String(seconds)
        authenticator.update(id)
        authenticator.update(".")
        authenticator.update(timestampText)
        authenticator.update(".")
        authenticator.update(body)
        return [
            headerNames.id: id,
            headerNames.timestamp: timestampText,
            headerNames.signature: "v1," + Base64.encode(authenticator.finalize()),
        ]
    }

    /// The tolerance and the number of secrets; the secrets themselves are never shown.
    public var description: String {
        "SvixSignatureScheme(secrets: \(keys.count) [REDACTED], tolerance: \(secondsText(tolerance.timeInterval)) s)"
    }

    /// Shows the tolerance and provider only, so that `dump` and debuggers do not print key material.
    public var customMirror: Mirror {
        Mirror(self, children: ["tolerance": tolerance, "provider": provider as Any], displayStyle: .struct)
    }

    private static func key(fromSecret secret: String, position: Int) throws(PaymentError) -> HMACSHA256 {
        let encoded = secret.hasPrefix("whsec_") ? secret.utf8.dropFirst(6) : secret.utf8[...]
        guard !encoded.isEmpty else {
            throw .invalidRequest("Webhook secret #\(position) is empty.")
        }
        guard let key = Base64.decode(encoded), !key.isEmpty else {
            throw .invalidRequest(
                "Webhook secret #\(position) is not valid base64; expected the whsec_… value from the provider."
            )
        }
        return HMACSHA256(key: key)
    }

    /// The value of the header, read from the `svix-` spelling or, when that is absent, the `webhook-` one.
    private func requiredHeader(
        _ primary: String,
        orElse fallback: String,
        in request: WebhookRequest
    ) throws(PaymentError) -> String {
        if let value = try request.uniqueHeader(primary, provider: provider) { return value }
        if let value = try request.uniqueHeader(fallback, provider: provider) { return value }
        throw .webhookRejected(
            .missingHeader(primary),
            "The \(primary) header (or \(fallback)) is missing.",
            provider: provider
        )
    }

    /// Compares with whole seconds of the current time, as the official libraries do, so a delivery exactly
    /// ``tolerance`` away is still accepted.
    private func checkTimestamp(_ text: String) throws(PaymentError) -> Date {
        guard text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let seconds = Int64(text)
        else {
            throw .webhookRejected(
                .malformedTimestamp,
                "The webhook timestamp is not a whole number of Unix seconds.",
                provider: provider
            )
        }
        let current = clock.now().timeIntervalSince1970.rounded(.down)
        let age = current - Double(seconds)
        let tolerance = tolerance.timeInterval
        if age > tolerance {
            throw .webhookRejected(
                .timestampTooOld,
                "The webhook timestamp is \(secondsText(age)) s in the past, beyond the tolerance of "
                    + "\(secondsText(tolerance)) s: a "
                    + "replay, a long-delayed retry, or a wrong clock on this server.",
                provider: provider
            )
        }
        if -age > tolerance {
            throw .webhookRejected(
                .timestampTooNew,
                "The webhook timestamp is \(secondsText(-age)) s in the future, beyond the tolerance of "
                    + "\(secondsText(tolerance)) s: "
                    + "check this server's clock.",
                provider: provider
            )
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The decoded `v1` signatures; entries of other versions and malformed entries are skipped.
    private static func v1Signatures(in header: String) -> [[UInt8]] {
        var signatures: [[UInt8]] = []
        for entry in header.utf8.split(separator: UInt8(ascii: " ")) {
            guard let comma = entry.firstIndex(of: UInt8(ascii: ",")),
                entry[..<comma].elementsEqual("v1".utf8),
                let signature = Base64.decode(entry[entry.index(after: comma)...]),
                signature.count == HMACSHA256.byteCount
            else { continue }
            signatures.append(signature)
        }
        return signatures
    }
}

/// Whole seconds for messages; absurd values (a clock at the epoch, a timestamp in the year 10^11) are summarized
/// rather than converted, which could overflow.
private func secondsText(_ seconds: TimeInterval) -> String {
    guard seconds.isFinite, abs(seconds) < 1e15 else { return "an enormous number of" }
    return String(Int64(seconds.rounded(.down)))
}
