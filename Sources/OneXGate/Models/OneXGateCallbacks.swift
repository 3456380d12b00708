import CryptoPayCore
import Foundation

/// Where 1xGate sends the customer's browser when the payment ends (`callbacks`).
public struct OneXGateCallbacks: Hashable, Sendable, Codable {
    /// The page for a successful payment.
    public var success: URL?
    /// The page for a failed payment.
    public var failed: URL?

    /// Creates callbacks.
    public init(success: URL?, failed: URL?) {
        self.success = success
        self.failed = failed
    }

    private enum CodingKeys: String, CodingKey {
        case success, failed
    }

    /// Decodes `{success, failed}`; an empty string reads as `nil`.
    ///
    /// - Throws: `DecodingError` naming the field when a value is not a URL.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodeURLIfPresent(forKey: .success)
        failed = try container.decodeURLIfPresent(forKey: .failed)
    }

    /// Encodes `{success, failed}` as text; `nil` values are left out.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeURLIfPresent(success, forKey: .success)
        try container.encodeURLIfPresent(failed, forKey: .failed)
    }
}
