import CryptoPayCore

/// An invoice's status: the provider's text exactly as sent, and its unified `PaymentStatus`. A status the
/// document does not name keeps its text and maps to `PaymentStatus.unknown(_:)`.
public struct USDTInvoiceStatus: ProviderStatus {
    /// The status exactly as sent (`confirmed`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's text with a unified status; ``init(rawValue:)`` looks the status up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `pending`: waiting for the payment; keep polling. `PaymentStatus.pending`.
    public static let pending = Self(rawValue: "pending", paymentStatus: .pending)
    /// `confirmed`: the payment was confirmed on the blockchain. `PaymentStatus.paid`.
    public static let confirmed = Self(rawValue: "confirmed", paymentStatus: .paid)
    /// `expired`: the invoice's validity ran out without a payment. `PaymentStatus.expired`.
    public static let expired = Self(rawValue: "expired", paymentStatus: .expired)
    /// `cancelled`: the merchant cancelled the pending invoice. `PaymentStatus.cancelled`.
    public static let cancelled = Self(rawValue: "cancelled", paymentStatus: .cancelled)

    /// The documented statuses.
    public static let documented: [Self] = [.pending, .confirmed, .expired, .cancelled]
}
