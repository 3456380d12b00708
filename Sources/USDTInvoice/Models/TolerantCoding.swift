import CryptoPayCore
import Foundation

extension KeyedDecodingContainer {
    /// Any JSON value, keeping `null` apart from a missing key: `nil` when the key is missing, ``JSONValue/null``
    /// when it is `null`, so that a decoded object encodes back to the same fields.
    ///
    /// - Throws: `DecodingError` when the value is not JSON.
    func decodeJSONIfPresent(forKey key: Key) throws -> JSONValue? {
        guard contains(key) else { return nil }
        return try decode(JSONValue.self, forKey: key)
    }
}

/// Responses the document does not show (account, API logs, sandbox results) are kept whole as a JSON object, with
/// typed views of the fields that can be inferred read from it.
enum RawObject {
    /// The body as a JSON object.
    ///
    /// - Throws: `DecodingError.typeMismatch` when the body is not a JSON object.
    static func decode(from decoder: any Decoder) throws -> JSONObject {
        guard case .object(let object) = try JSONValue(from: decoder) else {
            throw DecodingError.typeMismatch(
                JSONObject.self,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a JSON object")
            )
        }
        return object
    }

    /// Writes the object back unchanged.
    ///
    /// - Throws: whatever the encoder throws.
    static func encode(_ object: JSONObject, to encoder: any Encoder) throws {
        try JSONValue.object(object).encode(to: encoder)
    }

    /// An integer field (`"total": 3`), `nil` when missing or not a whole number.
    static func integer(_ value: JSONValue?) -> Int? {
        guard let number = value?.decimalValue, number.decimalPlaces == 0 else { return nil }
        return Int(DecimalText.format(number))
    }
}
