import CryptoPayCore
import Foundation

/// CancelPayment's answer, `{"cancelled": true}`.
public struct OpenPOSCancellation: Hashable, Sendable, Codable {
    /// True when the payment was cancelled. The client reports `false` as an error, so a returned value is `true`.
    public var cancelled: Bool

    enum CodingKeys: String, CodingKey {
        case cancelled
    }

    /// Decodes `{"cancelled": …}`.
    ///
    /// - Throws: `DecodingError` when `cancelled` is missing or not a flag.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cancelled = try container.decodePOSBool(forKey: .cancelled)
    }

    /// Encodes `{"cancelled": …}`.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cancelled, forKey: .cancelled)
    }
}

/// AcceptPayment's answer, `{"success": true}`.
public struct OpenPOSAcceptance: Hashable, Sendable, Codable {
    /// True when the underpayment was accepted. The client reports `false` as an error, so a returned value is
    /// `true`.
    public var success: Bool

    enum CodingKeys: String, CodingKey {
        case success
    }

    /// Decodes `{"success": …}`.
    ///
    /// - Throws: `DecodingError` when `success` is missing or not a flag.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        success = try container.decodePOSBool(forKey: .success)
    }

    /// Encodes `{"success": …}`.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(success, forKey: .success)
    }
}

/// RefundPayment's answer, `{"wait_time": "120 minutes"}`: the refund is under way.
public struct OpenPOSRefund: Hashable, Sendable, Codable {
    /// How long the refund will take, as sent (`120 minutes`).
    public var waitTime: String?

    /// ``waitTime`` as a duration, when it is a number and a unit.
    public var waitDuration: Duration? { OpenPOSWaitTime.duration(waitTime) }

    enum CodingKeys: String, CodingKey {
        case waitTime = "wait_time"
    }
}
