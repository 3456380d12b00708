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

extension PaymentError {
    /// This error with every `access_token` value in its response body replaced by `[REDACTED]`, for errors of calls
    /// whose responses carry tokens. The body may be cut short, so the text is scanned rather than parsed.
    func redactingAccessTokens() -> PaymentError {
        guard let body = responseBody, body.contains("\"access_token\"") else { return self }
        var redacted = PaymentError(
            kind,
            message: message,
            provider: provider,
            operation: operation,
            httpStatus: httpStatus,
            providerCode: providerCode,
            fieldErrors: fieldErrors,
            retryAfter: retryAfter,
            outcome: outcome,
            request: request,
            responseBody: Data(AccessTokenRedaction.redacted(body).utf8)
        )
        redacted.transportFailure = transportFailure
        redacted.webhookRejection = webhookRejection
        return redacted
    }
}

/// Replaces the string values of `access_token` members in JSON text.
enum AccessTokenRedaction {
    private static let key = Array("\"access_token\"".unicodeScalars)

    /// The text with each `"access_token": "<value>"` value (up to its closing quote, or the end of a text cut
    /// short) replaced by `[REDACTED]`.
    static func redacted(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index...].starts(with: key) else {
                output.append(scalars[index])
                index += 1
                continue
            }
            output.append(contentsOf: key)
            index += key.count
            while index < scalars.count, scalars[index] == ":" || scalars[index].properties.isWhitespace {
                output.append(scalars[index])
                index += 1
            }
            guard index < scalars.count, scalars[index] == "\"" else { continue }
            index += 1
            while index < scalars.count, scalars[index] != "\"" {
                index += scalars[index] == "\\" ? 2 : 1
            }
            output.append(contentsOf: "\"[REDACTED]\"".unicodeScalars)
            index += 1
        }
        return String(output)
    }
}
