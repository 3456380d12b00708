import CryptoPayCore

/// An invoice's status: the provider's text exactly as sent, detail included, and its unified `PaymentStatus`.
///
/// The timer starts only when the payer opens the page, so the table's `Created` and the examples' `Opened` (the
/// same state: not yet viewed) are created, and `Viewed` is pending.
public struct UseGatewayInvoiceStatus: UseGatewayStatus {
    /// The status exactly as sent (`Viewed`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's text with a unified status; ``init(rawValue:)`` looks the status up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `Created`: not yet viewed → `PaymentStatus.created`.
    public static let created = Self(rawValue: "Created", paymentStatus: .created)
    /// `Opened`: the examples' spelling of `Created` → `PaymentStatus.created`.
    public static let opened = Self(rawValue: "Opened", paymentStatus: .created)
    /// `Viewed`: the payer opened the page; the timer runs → `PaymentStatus.pending`.
    public static let viewed = Self(rawValue: "Viewed", paymentStatus: .pending)
    /// `Renewed`: the timer started again → `PaymentStatus.pending`.
    public static let renewed = Self(rawValue: "Renewed", paymentStatus: .pending)
    /// `Paid` → `PaymentStatus.paid`.
    public static let paid = Self(rawValue: "Paid", paymentStatus: .paid)
    /// `Expired` → `PaymentStatus.expired`.
    public static let expired = Self(rawValue: "Expired", paymentStatus: .expired)
    /// `Unresolved`, with or without a detail (`Unresolved (Underpaid)`) → `PaymentStatus.needsReview`.
    public static let unresolved = Self(rawValue: "Unresolved", paymentStatus: .needsReview)
    /// `Resolved` → `PaymentStatus.resolved`.
    public static let resolved = Self(rawValue: "Resolved", paymentStatus: .resolved)
    /// `Closed` → `PaymentStatus.cancelled`.
    public static let closed = Self(rawValue: "Closed", paymentStatus: .cancelled)

    /// The documented statuses.
    public static let documented: [Self] = [
        .created, .opened, .viewed, .renewed, .paid, .expired, .unresolved, .resolved, .closed,
    ]
}
