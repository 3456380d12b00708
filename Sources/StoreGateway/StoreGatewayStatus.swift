import CryptoPayCore

/// The status Store Gateway gives payments, withdrawals, dedicated addresses, transfers and blockchain
/// transactions (`status` or `status_type`): the code exactly as sent, and its unified `PaymentStatus`. A code the
/// document does not list keeps its text and maps to `PaymentStatus.unknown(_:)`.
///
/// Read from the code alone, `OPEN` is pending, `CLOSING` processing, `COMPLETE` paid and `CANCEL` cancelled. A
/// payment's ``StoreGatewayPayment/status`` also reads its amounts and dates (partly paid, expired); compare
/// ``rawValue`` to match the code alone.
public struct StoreGatewayStatus: ProviderStatus {
    /// The code exactly as sent (`OPEN`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's code with a unified status; ``init(rawValue:)`` looks the code up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `OPEN`: open, in process. `PaymentStatus.pending` from the code alone.
    public static let open = Self(rawValue: "OPEN", paymentStatus: .pending)
    /// `COMPLETE`: completed successfully. `PaymentStatus.paid`.
    public static let complete = Self(rawValue: "COMPLETE", paymentStatus: .paid)
    /// `CANCEL`: cancelled, by the service when the time ran out or otherwise. `PaymentStatus.cancelled` from the
    /// code alone.
    public static let cancel = Self(rawValue: "CANCEL", paymentStatus: .cancelled)
    /// `CLOSING`: in the process of closing. `PaymentStatus.processing`. Payments and withdrawals report it, but it
    /// is not a value of the `payments.list` status filter (see ``StoreGatewayClient/Payments/listableStatuses``).
    public static let closing = Self(rawValue: "CLOSING", paymentStatus: .processing)

    /// The documented codes, in the document's order.
    public static let documented: [Self] = [.open, .complete, .cancel, .closing]
}
