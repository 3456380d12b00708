import CryptoPayCore
import Foundation

/// Your merchant account's details and statistics (`GET /api/v1/account`).
///
/// The document does not show this response, so the whole object is kept in ``raw`` and encodes back unchanged; the
/// typed properties read the fields such an account usually has and are `nil` when a field is missing or has
/// another type. Read anything else by key: `account["statistics"]`.
public struct USDTInvoiceAccount: Hashable, Sendable, Codable {
    /// The response exactly as sent.
    public let raw: JSONObject

    /// Wraps a response object.
    public init(raw: JSONObject) {
        self.raw = raw
    }

    /// The value of a field, exactly as sent.
    public subscript(key: String) -> JSONValue? { raw[key] }

    /// The account id (`id`).
    public var id: String? { raw["id"]?.stringValue }
    /// The account's e-mail address (`email`).
    public var email: String? { raw["email"]?.stringValue }
    /// The account's status as sent (`status`); a suspended account answers every call with HTTP 403.
    public var status: String? { raw["status"]?.stringValue }
    /// When the account was created (`createdAt`).
    public var createdAt: Date? { raw["createdAt"]?.stringValue.flatMap(DateCoding.parse) }

    /// Decodes any JSON object.
    ///
    /// - Throws: `DecodingError` when the body is not a JSON object.
    public init(from decoder: any Decoder) throws {
        raw = try RawObject.decode(from: decoder)
    }

    /// Encodes ``raw`` unchanged.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try RawObject.encode(raw, to: encoder)
    }
}
