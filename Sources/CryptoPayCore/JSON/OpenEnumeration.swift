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

extension OpenEnumeration {
    /// Reads the wire spelling; undocumented values become `unknown(raw)`.
    public init(rawValue: String) {
        self = Self.documented.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    /// The wire spelling.
    public var description: String { rawValue }

    /// Decodes the wire spelling.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the wire spelling.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
