import Foundation

/// Tolerant decoding helpers shared by the provider models: fields the documents show but do not promise, amounts
/// that arrive as numbers or strings, and URLs that are sometimes sent as empty strings.
extension KeyedDecodingContainer {
    /// A number or decimal string read exactly; `nil` when the key is missing or `null`. Pass `preferringText` for
    /// fields the provider sends as strings: both forms are accepted either way, but the usual one is tried first.
    ///
    /// - Throws: `DecodingError` naming the field when the value is present but not an exact decimal amount.
    package func decodeDecimalIfPresent(forKey key: Key, preferringText: Bool = false) throws -> Decimal? {
        if preferringText {
            return try decode(OptionalAmountCoding<AmountAsJSONString>.self, forKey: key).wrappedValue
        }
        // A number straight from this container (no nested decoder, no wrapper); anything else (missing, `null`,
        // a string, an error) takes the wrapper's path, which answers exactly as it always has.
        if let number = try? decodeIfPresent(Decimal.self, forKey: key) { return number }
        return try decode(OptionalAmountCoding<AmountAsJSONNumber>.self, forKey: key).wrappedValue
    }

    /// A required number or decimal string read exactly, as `AmountCoding` reads it. Pass `preferringText` for fields the
    /// provider sends as strings.
    ///
    /// - Throws: `DecodingError` naming the field when the key is missing or the value is not an exact decimal
    ///   amount.
    package func decodeDecimal(forKey key: Key, preferringText: Bool = false) throws -> Decimal {
        if preferringText { return try decode(AmountCoding<AmountAsJSONString>.self, forKey: key).wrappedValue }
        if let number = try? decode(Decimal.self, forKey: key) { return number }
        return try decode(AmountCoding<AmountAsJSONNumber>.self, forKey: key).wrappedValue
    }

    /// A list or map that the document shows but does not promise: empty when the key is missing or `null`.
    ///
    /// - Throws: `DecodingError` naming the field when the value is present but malformed.
    package func decodeOrEmpty<Value: Decodable & RangeReplaceableCollection>(
        _ type: Value.Type,
        forKey key: Key
    ) throws -> Value {
        try decodeIfPresent(type, forKey: key) ?? Value()
    }

    /// A URL sent as a string; `nil` when the key is missing, `null` or the empty string (some providers send an
    /// unset URL as `""`).
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the field when the text is not a URL.
    package func decodeURLIfPresent(forKey key: Key) throws -> URL? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let url = URL(string: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a URL")
        }
        return url
    }

    /// A timestamp that may be ISO 8601 text (any form ``DateCoding/parse(_:)`` reads) or Unix epoch seconds (a JSON
    /// number, or a string of digits), for fields a document types only as "timestamp"; `nil` when missing or
    /// `null`.
    ///
    /// - Throws: `DecodingError` naming the field when the value is neither.
    package func decodeTimestampIfPresent(forKey key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let seconds = try? decode(Decimal.self, forKey: key) {
            return Date(timeIntervalSince1970: NSDecimalNumber(decimal: seconds).doubleValue)
        }
        let text = try decode(String.self, forKey: key)
        if let date = DateCoding.parse(text) { return date }
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let seconds = Int64(text)
        {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        throw DecodingError.dataCorruptedError(
            forKey: key,
            in: self,
            debugDescription: "\"\(text)\" is neither an ISO 8601 date nor Unix seconds"
        )
    }

    /// A date sent as ISO 8601 text (any form `DateCoding.parse(_:)` reads); `nil` when the key is missing, `null` or
    /// the empty string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the field when the text is not a date.
    package func decodeDateIfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let date = DateCoding.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a date")
        }
        return date
    }
}
