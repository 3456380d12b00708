import CryptoPayCore
import Foundation

/// A transaction's `access_token`: a secret, so it never appears in descriptions, `dump` or debugger output.
///
/// Read ``value`` only where the token is needed; everything else prints `[REDACTED]`.
public struct OpenPOSAccessToken: Hashable, Sendable, Codable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    /// The token itself.
    public var value: String

    /// Wraps a token.
    public init(_ value: String) {
        self.value = value
    }

    /// Decodes the token from a JSON string.
    ///
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the token as the JSON string the provider sent.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// `[REDACTED]`.
    public var description: String { "[REDACTED]" }

    /// `OpenPOSAccessToken([REDACTED])`.
    public var debugDescription: String { "OpenPOSAccessToken([REDACTED])" }

    /// A mirror without the token.
    public var customMirror: Mirror {
        Mirror(self, children: [], displayStyle: .struct)
    }
}
