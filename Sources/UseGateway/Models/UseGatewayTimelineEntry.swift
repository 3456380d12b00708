import Foundation

/// One step of a resource's status history (`StatusResponseSchema`), `{status, created_at}` on the wire both ways.
public struct UseGatewayTimelineEntry: Hashable, Sendable, Codable {
    /// The status exactly as sent (`Opened`, `Unresolved (Underpaid)`).
    public var status: String
    /// When the resource entered this status.
    public var createdAt: Date?

    /// Creates an entry.
    public init(status: String, createdAt: Date? = nil) {
        self.status = status
        self.createdAt = createdAt
    }

    /// The reason when this is an `Unresolved (…)` status; `nil` for any other status or a bare `Unresolved`.
    public var unresolvedReason: UseGatewayUnresolvedReason? {
        UseGatewayStatusText.unresolvedReason(status)
    }

    private enum CodingKeys: String, CodingKey {
        case status
        case createdAt = "created_at"
    }

    /// Writes `{status, created_at}`: the status with the provider's spelling, the date as ISO 8601 text by the
    /// encoder's date strategy, left out when `nil`.
    ///
    /// - Throws: whatever the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(createdAt, forKey: .createdAt)
    }
}
