import CryptoPayCore
import Foundation

/// How 1xGate's webhook deliveries for a payment went (`hook`). Useful to see why a webhook never arrived.
///
/// The wire key for the number of tries is `retires`, as 1xGate spells it; the Swift name is ``retries``.
public struct OneXGatePaymentHook: Hashable, Sendable, Codable {
    /// The answer to the last delivery.
    public var response: DeliveryResponse?
    /// How many times 1xGate has tried to deliver (`retires`).
    public var retries: Int?
    /// When 1xGate last tried.
    public var lastHookedAt: Date?

    /// The merchant's answer to one delivery (`hook.response`).
    public struct DeliveryResponse: Hashable, Sendable, Codable {
        /// Whether 1xGate counted the delivery as delivered.
        public var success: Bool?
        /// The HTTP status the merchant's endpoint answered with (`code.status`).
        public var httpStatus: Int?
        /// When the answer arrived.
        public var at: Date?
        /// The body the merchant's endpoint answered with, as 1xGate stored it.
        public var body: JSONValue?

        private enum CodingKeys: String, CodingKey {
            case success, code, at, body
        }

        private struct Code: Codable, Hashable {
            var status: Int?
        }

        /// Decodes `{success, code: {status}, at, body}`.
        ///
        /// - Throws: `DecodingError` naming the field when a present value has the wrong type.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            success = try container.decodeIfPresent(Bool.self, forKey: .success)
            httpStatus = try container.decodeIfPresent(Code.self, forKey: .code)?.status
            at = try container.decodeTimestampIfPresent(forKey: .at)
            body = try container.decodeIfPresent(JSONValue.self, forKey: .body)
        }

        /// Encodes the same shape; `nil` values are left out.
        ///
        /// - Throws: whatever the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(success, forKey: .success)
            try container.encodeIfPresent(httpStatus.map { Code(status: $0) }, forKey: .code)
            try container.encodeDateIfPresent(at, forKey: .at, milliseconds: true)
            try container.encodeIfPresent(body, forKey: .body)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case response, lastHookedAt
        case retries = "retires"
    }

    /// Decodes `{response, retires, lastHookedAt}`.
    ///
    /// - Throws: `DecodingError` naming the field when a present value has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        response = try container.decodeIfPresent(DeliveryResponse.self, forKey: .response)
        retries = try container.decodeIfPresent(Int.self, forKey: .retries)
        lastHookedAt = try container.decodeTimestampIfPresent(forKey: .lastHookedAt)
    }

    /// Encodes the same shape; `nil` values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(response, forKey: .response)
        try container.encodeIfPresent(retries, forKey: .retries)
        try container.encodeDateIfPresent(lastHookedAt, forKey: .lastHookedAt, milliseconds: true)
    }
}
