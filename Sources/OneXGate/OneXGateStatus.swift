import CryptoPayCore

/// A 1xGate payment's status: the provider's text exactly as sent, and its unified `PaymentStatus`. A status the
/// document does not name keeps its text and maps to `PaymentStatus.unknown(_:)`; matching ignores case.
public struct OneXGateStatus: ProviderStatus {
    /// The status exactly as sent (`success`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's text with a unified status; ``init(rawValue:)`` looks the status up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `created`: the payment exists. `PaymentStatus.created`.
    public static let created = Self(rawValue: "created", paymentStatus: .created)
    /// `crated`: how the document's Statuses list spells `created`. `PaymentStatus.created`.
    public static let crated = Self(rawValue: "crated", paymentStatus: .created)
    /// `pending`: waiting for the payment. `PaymentStatus.pending`.
    public static let pending = Self(rawValue: "pending", paymentStatus: .pending)
    /// `success`: paid. `PaymentStatus.paid`.
    public static let success = Self(rawValue: "success", paymentStatus: .paid)
    /// `partiallyPaid`: less than the amount arrived. `PaymentStatus.partiallyPaid`.
    public static let partiallyPaid = Self(rawValue: "partiallyPaid", paymentStatus: .partiallyPaid)
    /// `expired`: the time ran out. `PaymentStatus.expired`.
    public static let expired = Self(rawValue: "expired", paymentStatus: .expired)
    /// `error`: the payment failed. `PaymentStatus.failed`.
    public static let error = Self(rawValue: "error", paymentStatus: .failed)

    /// True: 1xGate's document is not consistent about case.
    public static let matchesIgnoringCase = true

    /// The documented statuses.
    public static let documented: [Self] = [.created, .crated, .pending, .success, .partiallyPaid, .expired, .error]
}
