/// A provider string with documented values and room for more: each documented value is a case, anything else is
/// kept as `unknown(raw)`, so a value the provider adds never fails decoding.
///
/// Conform an enum with one case per documented value plus `case unknown(String)`, list the documented cases in
/// ``documented`` and spell each in ``rawValue``; decoding, encoding and ``description`` come from here.
public protocol OpenEnumeration: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The documented values.
    static var documented: [Self] { get }
    /// A value the document does not list, as sent.
    static func unknown(_ raw: String) -> Self
    /// The wire spelling.
    var rawValue: String { get }
}

// The members below are `@inlinable` so that each conforming enum gets them specialized in its own module: the
// lookup then compares a handful of short strings directly, instead of going through generic metadata and witness
// tables for every decoded value.
extension OpenEnumeration {
    /// Reads the wire spelling; undocumented values become `unknown(raw)`.
    @inlinable
    public init(rawValue: String) {
        for value in Self.documented where value.rawValue == rawValue {
            self = value
            return
        }
        self = .unknown(rawValue)
    }

    /// The wire spelling.
    @inlinable
    public var description: String { rawValue }

    /// Decodes the wire spelling.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    @inlinable
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire spelling.
    ///
    /// - Throws: whatever the encoder throws.
    @inlinable
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
