/// One payment lifecycle shared by every provider.
///
/// Each provider status in the documents maps to exactly one case; ``ProviderStatus`` keeps the provider's own
/// spelling beside it. A status no document names decodes as ``unknown(_:)`` rather than failing, so a provider
/// adding a status never breaks a merchant's webhook handler.
public enum PaymentStatus: Hashable, Sendable, CustomStringConvertible {
    /// Created, waiting for the customer (for example an invoice not yet viewed).
    case created
    /// Waiting for a transaction (the customer has the address, nothing seen yet).
    case pending
    /// A transaction was seen and is confirming.
    case processing
    /// Less than the requested amount arrived.
    case partiallyPaid
    /// Paid in full and confirmed.
    case paid
    /// More than the requested amount arrived.
    case overpaid
    /// The payment window closed without (enough) payment.
    case expired
    /// Cancelled by the merchant, the customer or the provider.
    case cancelled
    /// Failed (rejected, declined, errored).
    case failed
    /// The funds were returned to the payer.
    case refunded
    /// The provider could not settle the payment automatically (wrong amount, late payment); the merchant must
    /// decide.
    case needsReview
    /// The merchant resolved a payment that needed review.
    case resolved
    /// A status no document describes, with the provider's spelling.
    case unknown(String)

    /// True when the payment can no longer change by itself (paid, overpaid, expired, cancelled, failed,
    /// refunded, resolved). ``needsReview`` is not final: it waits for the merchant.
    public var isFinal: Bool {
        switch self {
        case .paid, .overpaid, .expired, .cancelled, .failed, .refunded, .resolved: true
        default: false
        }
    }

    /// True when the money requested has arrived (``paid`` or ``overpaid``).
    public var isPaid: Bool {
        self == .paid || self == .overpaid
    }

    /// The case name (`partiallyPaid`), or `unknown(<raw>)`.
    public var description: String {
        switch self {
        case .created: "created"
        case .pending: "pending"
        case .processing: "processing"
        case .partiallyPaid: "partiallyPaid"
        case .paid: "paid"
        case .overpaid: "overpaid"
        case .expired: "expired"
        case .cancelled: "cancelled"
        case .failed: "failed"
        case .refunded: "refunded"
        case .needsReview: "needsReview"
        case .resolved: "resolved"
        case .unknown(let raw): "unknown(\(raw))"
        }
    }
}
