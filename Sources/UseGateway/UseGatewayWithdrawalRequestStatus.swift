import CryptoPayCore

/// A withdrawal request's status: the provider's text exactly as sent, detail included, and its unified `PaymentStatus`.
///
/// The merchant approves or declines a received request.
public struct UseGatewayWithdrawalRequestStatus: UseGatewayStatus {
    /// The status exactly as sent (`Approved`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's text with a unified status; ``init(rawValue:)`` looks the status up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `Received` → `PaymentStatus.pending`.
    public static let received = Self(rawValue: "Received", paymentStatus: .pending)
    /// `Approved` → `PaymentStatus.paid`.
    public static let approved = Self(rawValue: "Approved", paymentStatus: .paid)
    /// `Declined` → `PaymentStatus.failed`.
    public static let declined = Self(rawValue: "Declined", paymentStatus: .failed)
    /// `Declcined`: how the document's table misspells `Declined` → `PaymentStatus.failed`.
    public static let declcined = Self(rawValue: "Declcined", paymentStatus: .failed)

    /// The documented statuses.
    public static let documented: [Self] = [.received, .approved, .declined, .declcined]
}
