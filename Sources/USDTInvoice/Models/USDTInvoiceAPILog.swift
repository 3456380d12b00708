import CryptoPayCore
import Foundation

/// One entry of your recent API request log (`GET /api/v1/account/api-logs`).
///
/// The document does not show this response, so the whole entry is kept in ``raw`` and encodes back unchanged; the
/// typed properties read the fields a request log usually has and are `nil` when a field is missing or has another
/// type.
public struct USDTInvoiceAPILog: Hashable, Sendable, Codable {
    /// The entry exactly as sent.
    public let raw: JSONObject

    /// Wraps a log entry.
    public init(raw: JSONObject) {
        self.raw = raw
    }

    /// The value of a field, exactly as sent.
    public subscript(key: String) -> JSONValue? { raw[key] }

    /// The entry id (`id`).
    public var id: String? { raw["id"]?.stringValue }
    /// The request's HTTP method (`method`).
    public var method: String? { raw["method"]?.stringValue }
    /// The request's path (`endpoint`, or `path`).
    public var endpoint: String? { (raw["endpoint"] ?? raw["path"])?.stringValue }
    /// The HTTP status answered (`statusCode`).
    public var statusCode: Int? { RawObject.integer(raw["statusCode"]) }
    /// When the request was made (`createdAt`).
    public var createdAt: Date? { raw["createdAt"]?.stringValue.flatMap(DateCoding.parse) }

    /// Decodes any JSON object.
    ///
    /// - Throws: `DecodingError` when the entry is not a JSON object.
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
