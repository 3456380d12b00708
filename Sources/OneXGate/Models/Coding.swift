import CryptoPayCore
import Foundation

/// 1xGate's timestamps are JavaScript's `toISOString()`: UTC with exactly three fraction digits
/// (`2024-08-02T18:23:14.867Z`).
enum OneXGateTimestamp {
    /// The date in 1xGate's form, rounded to the millisecond. Formatting the fraction by hand keeps `.867` from
    /// coming out as `.866`, which the formatter's truncation of binary seconds would otherwise write.
    static func format(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard milliseconds.isFinite, abs(milliseconds) < 1e15 else { return DateCoding.format(date) }
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - seconds * 1000)
        let whole = DateCoding.format(Date(timeIntervalSince1970: seconds))
        let digits = String(fraction)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }
}

extension KeyedDecodingContainer {
    /// A timestamp sent as ISO 8601 text, parsed here rather than by the decoder's date strategy so that stored
    /// objects decode with any `JSONDecoder`; `nil` when missing or `null`.
    ///
    /// - Throws: `DecodingError.dataCorrupted` naming the field when the text is not a date.
    func decodeTimestampIfPresent(forKey key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let date = DateCoding.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a date")
        }
        return date
    }

    /// A status text read through ``OneXGateStatus``.
    ///
    /// - Throws: `DecodingError` naming the field when the status is missing or not a string.
    func decodeStatus(forKey key: Key) throws -> ProviderStatus {
        OneXGateStatus.status(for: try decode(String.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// Writes a date as 1xGate does, leaving the key out when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    mutating func encodeTimestamp(_ date: Date?, forKey key: Key) throws {
        try encodeIfPresent(date.map(OneXGateTimestamp.format), forKey: key)
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
