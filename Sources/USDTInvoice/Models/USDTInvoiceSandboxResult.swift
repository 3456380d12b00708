import CryptoPayCore
import Foundation

/// The answer to a sandbox call (simulate a payment, trigger an expiry, send a test webhook).
///
/// The document does not show these responses, so the whole object is kept in ``raw`` and encodes back unchanged;
/// ``success``, ``message`` and ``invoice`` read the fields such an answer usually has.
public struct USDTInvoiceSandboxResult: Hashable, Sendable, Codable {
    /// The response exactly as sent.
    public let raw: JSONObject
    /// The invoice the call changed, when the response carries one under `invoice` in the invoice's shape; `nil`
    /// otherwise (the shape is a guess, so a different one is kept in ``raw`` rather than failing the call).
    public let invoice: USDTInvoiceDetails?

    /// The value of a field, exactly as sent.
    public subscript(key: String) -> JSONValue? { raw[key] }

    /// Whether the provider reports success (`success`).
    public var success: Bool? {
        if case .bool(let value) = raw["success"] { return value }
        return nil
    }

    /// The provider's message (`message`).
    public var message: String? { raw["message"]?.stringValue }

    private enum CodingKeys: String, CodingKey {
        case invoice
    }

    /// Decodes any JSON object.
    ///
    /// - Throws: `DecodingError` when the body is not a JSON object.
    public init(from decoder: any Decoder) throws {
        raw = try RawObject.decode(from: decoder)
        invoice = try? decoder.container(keyedBy: CodingKeys.self).decode(USDTInvoiceDetails.self, forKey: .invoice)
    }

    /// Encodes ``raw`` unchanged.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try RawObject.encode(raw, to: encoder)
    }
}
