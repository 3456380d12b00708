import CryptoPayCore

/// A payment's status: the provider's text exactly as sent, detail included, and its unified `PaymentStatus`.
///
/// The payment's address and timer are live from the start, so `Opened` is pending here (an invoice's `Opened` is
/// not).
public struct UseGatewayPaymentStatus: UseGatewayStatus {
    /// The status exactly as sent (`Unresolved (Underpaid)`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's text with a unified status; ``init(rawValue:)`` looks the status up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `Opened`: the address and timer are live → `PaymentStatus.pending`.
    public static let opened = Self(rawValue: "Opened", paymentStatus: .pending)
    /// `Completed` → `PaymentStatus.paid`.
    public static let completed = Self(rawValue: "Completed", paymentStatus: .paid)
    /// `Expired` → `PaymentStatus.expired`.
    public static let expired = Self(rawValue: "Expired", paymentStatus: .expired)
    /// `Unresolved`, with or without a detail (`Unresolved (Underpaid)`) → `PaymentStatus.needsReview`.
    public static let unresolved = Self(rawValue: "Unresolved", paymentStatus: .needsReview)
    /// `Resolved` → `PaymentStatus.resolved`.
    public static let resolved = Self(rawValue: "Resolved", paymentStatus: .resolved)
    /// `Closed` → `PaymentStatus.cancelled`.
    public static let closed = Self(rawValue: "Closed", paymentStatus: .cancelled)

    /// The documented statuses.
    public static let documented: [Self] = [.opened, .completed, .expired, .unresolved, .resolved, .closed]
}
