import Foundation

/// One step of a resource's status history (`StatusResponseSchema`).
public struct UseGatewayTimelineEntry: Hashable, Sendable, Decodable {
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
        let parts = UseGatewayStatusTable.split(status)
        guard parts.base.lowercased() == "unresolved", let detail = parts.detail else { return nil }
        return UseGatewayUnresolvedReason(detail: detail)
    }

    private enum CodingKeys: String, CodingKey {
        case status
        case createdAt = "created_at"
    }
}
