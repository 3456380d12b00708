import Foundation

/// Decoding and encoding of amounts that providers send as JSON numbers (`145.622008`) or JSON strings
/// (`"0.00370885"`).
///
/// Numbers are read by `JSONDecoder` straight from the JSON text into `Decimal`, which is exact; strings go through
/// ``DecimalText/parse(_:)``. Binary floating point is never involved. A malformed amount is a `DecodingError` whose
/// coding path names the field, which the clients turn into a ``PaymentError`` of kind `decoding`.
package enum DecimalCoding {
    /// Reads an amount from a single-value container holding a JSON number or a JSON string.
    ///
    /// Both are always accepted. `preferringText` only sets which is tried first: a failed attempt makes the
    /// decoder build an error with its coding path, which costs more than the successful read, so the form the
    /// provider usually sends goes first (numbers unless the wire format writes text).
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not strict decimal text, `typeMismatch` when the
    ///   value is neither a number nor a string.
    package static func decode(from decoder: any Decoder, preferringText: Bool = false) throws -> Decimal {
        let container = try decoder.singleValueContainer()
        if preferringText {
            if let text = try? container.decode(String.self) { return try parse(text, in: container) }
            if let number = try? container.decode(Decimal.self) { return number }
        } else {
            // `JSONDecoder` never reads a JSON string as a `Decimal`, so a number found here is the whole answer.
            if let number = try? container.decode(Decimal.self) { return number }
            if let text = try? container.decode(String.self) { return try parse(text, in: container) }
        }
        throw DecodingError.typeMismatch(
            Decimal.self,
            DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected an amount as a JSON number or string"
            )
        )
    }

    private static func parse(_ text: String, in container: any SingleValueDecodingContainer) throws -> Decimal {
        guard let value = DecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\"\(text)\" is not a decimal amount"
            )
        }
        return value
    }
}

/// How an amount is written back to JSON: some providers want numbers, some strings.
public protocol AmountJSONFormat: Sendable {
    /// Writes the value in this format.
    ///
    /// - Throws: whatever the encoder throws.
    static func encode(_ value: Decimal, to encoder: any Encoder) throws

    /// True when amounts of this format usually arrive as JSON strings. Decoding accepts a number or a string
    /// either way; this only decides which is tried first, which saves the decoder a failed attempt per amount.
    /// `false` unless a format says otherwise.
    static var prefersText: Bool { get }
}

extension AmountJSONFormat {
    /// Numbers first, unless a format says otherwise.
    public static var prefersText: Bool { false }
}

/// Writes amounts as JSON numbers with their exact digits (`145.622008`).
public enum AmountAsJSONNumber: AmountJSONFormat {
    /// Writes the value as a JSON number.
    ///
    /// - Throws: whatever the encoder throws.
    public static func encode(_ value: Decimal, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// Writes amounts as JSON strings in plain decimal notation (`"0.00370885"`).
public enum AmountAsJSONString: AmountJSONFormat {
    /// Amounts written as strings usually arrive as strings: they are read as text first.
    public static var prefersText: Bool { true }

    /// Writes the value as a JSON string.
    ///
    /// - Throws: whatever the encoder throws.
    public static func encode(_ value: Decimal, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(DecimalText.format(value))
    }
}

/// A `Decimal` property that decodes from a JSON number or string and encodes in the wire format `Format`.
///
/// Coding machinery for the models' amount fields: public only because public model properties use it, and
/// named for what it does so that it leaves the plain name Amount to your code.
///
/// ```swift
/// struct Quote: Codable {
///     @AmountCoding<AmountAsJSONString> var rate: Decimal
/// }
/// ```
@propertyWrapper
public struct AmountCoding<Format: AmountJSONFormat>: Codable, Hashable, Sendable {
    /// The exact value.
    public var wrappedValue: Decimal

    /// Wraps a value.
    public init(wrappedValue: Decimal) {
        self.wrappedValue = wrappedValue
    }

    /// Decodes from a JSON number or string.
    ///
    /// - Throws: `DecodingError` naming the field when the value is not an exact decimal amount.
    public init(from decoder: any Decoder) throws {
        wrappedValue = try DecimalCoding.decode(from: decoder, preferringText: Format.prefersText)
    }

    /// Encodes in `Format`.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        try Format.encode(wrappedValue, to: encoder)
    }
}

/// An optional `Decimal` property that decodes from a JSON number, a string, `null` or a missing key, and encodes
/// in the wire format `Format` (a `nil` value is left out).
@propertyWrapper
public struct OptionalAmountCoding<Format: AmountJSONFormat>: Codable, Hashable, Sendable {
    /// The exact value, or `nil` when absent.
    public var wrappedValue: Decimal?

    /// Wraps a value.
    public init(wrappedValue: Decimal?) {
        self.wrappedValue = wrappedValue
    }

    /// Decodes from a JSON number, string or `null`.
    ///
    /// - Throws: `DecodingError` naming the field when the value is present but not an exact decimal amount.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue =
            container.decodeNil() ? nil : try DecimalCoding.decode(from: decoder, preferringText: Format.prefersText)
    }

    /// Encodes in `Format`, or `null` when `nil` (keyed containers skip the key instead, see the extension on
    /// `KeyedEncodingContainer`).
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        guard let wrappedValue else {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
            return
        }
        try Format.encode(wrappedValue, to: encoder)
    }
}

extension KeyedDecodingContainer {
    /// Decodes an ``OptionalAmountCoding`` that may be missing entirely, not only `null`.
    ///
    /// - Throws: `DecodingError` when the value is present but not an exact decimal amount.
    package func decode<Format>(
        _ type: OptionalAmountCoding<Format>.Type,
        forKey key: Key
    ) throws -> OptionalAmountCoding<Format> {
        try decodeIfPresent(type, forKey: key) ?? OptionalAmountCoding(wrappedValue: nil)
    }
}

extension KeyedEncodingContainer {
    /// Leaves out an ``OptionalAmountCoding`` key whose value is `nil`, instead of writing `null`.
    ///
    /// - Throws: whatever the encoder throws.
    package mutating func encode<Format>(_ value: OptionalAmountCoding<Format>, forKey key: Key) throws {
        guard value.wrappedValue != nil else { return }
        try encodeIfPresent(Optional(value), forKey: key)
    }
}
