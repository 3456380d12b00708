import CryptoPayCore

/// A deposit's status: the provider's text exactly as sent, detail included, and its unified `PaymentStatus`.
///
/// A deposit's addresses are live from the start, so `Created` is pending.
public struct UseGatewayDepositStatus: UseGatewayStatus {
    /// The status exactly as sent (`Replenished`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's text with a unified status; ``init(rawValue:)`` looks the status up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `Created`: the addresses are live → `PaymentStatus.pending`.
    public static let created = Self(rawValue: "Created", paymentStatus: .pending)
    /// `Replenished` → `PaymentStatus.paid`.
    public static let replenished = Self(rawValue: "Replenished", paymentStatus: .paid)
    /// `Unresolved`, with or without a detail (`Unresolved (Underpaid)`) → `PaymentStatus.needsReview`.
    public static let unresolved = Self(rawValue: "Unresolved", paymentStatus: .needsReview)
    /// `Resolved` → `PaymentStatus.resolved`.
    public static let resolved = Self(rawValue: "Resolved", paymentStatus: .resolved)
    /// `Closed` → `PaymentStatus.cancelled`.
    public static let closed = Self(rawValue: "Closed", paymentStatus: .cancelled)

    /// The documented statuses.
    public static let documented: [Self] = [.created, .replenished, .unresolved, .resolved, .closed]
}
