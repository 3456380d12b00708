import CryptoPayCore
import Foundation

extension KeyedEncodingContainer {
    /// Writes a date as 1xGate does (JavaScript's `toISOString()`: UTC, three fraction digits), leaving the key
    /// out when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    mutating func encodeTimestamp(_ date: Date?, forKey key: Key) throws {
        try encodeIfPresent(date.map(DateCoding.formatWithMilliseconds), forKey: key)
    }

    /// Writes a URL as its text, leaving the key out when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    mutating func encodeURL(_ url: URL?, forKey key: Key) throws {
        try encodeIfPresent(url?.absoluteString, forKey: key)
    }

    /// Writes an exact amount as a JSON number, leaving the key out when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    mutating func encodeAmount(_ amount: Decimal?, forKey key: Key) throws {
        try encode(OptionalAmount<DecimalAsNumber>(wrappedValue: amount), forKey: key)
    }
}
