import Foundation

/// The writing side of the tolerant decoding helpers, for every provider's models: URLs, dates and exact amounts
/// written as the providers' documents show them, with the key left out when the value is `nil`. Dates and URLs are
/// written as text here rather than through the encoder's strategies, so that a model encodes the same with any
/// `JSONEncoder`.
extension KeyedEncodingContainer {
    /// Writes a URL as its text; nothing when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    package mutating func encodeURLIfPresent(_ url: URL?, forKey key: Key) throws {
        try encodeIfPresent(url?.absoluteString, forKey: key)
    }

    /// Writes an exact decimal as a JSON number with its exact digits; nothing when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    package mutating func encodeDecimalIfPresent(_ value: Decimal?, forKey key: Key) throws {
        guard let value else { return }
        try encode(AmountCoding<AmountAsJSONNumber>(wrappedValue: value), forKey: key)
    }

    /// Writes a date as ISO 8601 text in UTC — `2023-06-02T14:06:25Z`, or with `milliseconds`
    /// `2023-06-02T14:06:25.000Z` as JavaScript's `toISOString()` writes it; nothing when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    package mutating func encodeDateIfPresent(_ date: Date?, forKey key: Key, milliseconds: Bool = false) throws {
        try encodeIfPresent(date.map(milliseconds ? DateCoding.formatWithMilliseconds : DateCoding.format), forKey: key)
    }
}
