import CryptoPayCore

/// An invoice's status as the provider spells it, kept open: a status the document does not name decodes as
/// ``unknown(_:)`` and maps to `PaymentStatus.unknown(_:)` with the raw text.
public enum USDTInvoiceStatus: OpenEnumeration {
    /// `pending`: waiting for the payment; keep polling.
    case pending
    /// `confirmed`: the payment was confirmed on the blockchain.
    case confirmed
    /// `expired`: the invoice's validity ran out without a payment.
    case expired
    /// `cancelled`: the merchant cancelled the pending invoice.
    case cancelled
    /// A status the document does not name, as sent.
    case unknown(String)

    /// The documented statuses.
    public static let documented: [USDTInvoiceStatus] = [.pending, .confirmed, .expired, .cancelled]

    /// The wire spelling.
    public var rawValue: String {
        switch self {
        case .pending: "pending"
        case .confirmed: "confirmed"
        case .expired: "expired"
        case .cancelled: "cancelled"
        case .unknown(let raw): raw
        }
    }

    /// The unified status: pending → `PaymentStatus.pending`, confirmed → `PaymentStatus.paid`, expired →
    /// `PaymentStatus.expired`, cancelled → `PaymentStatus.cancelled`, anything else
    /// `PaymentStatus.unknown(_:)` with the raw text.
    public var paymentStatus: PaymentStatus {
        switch self {
        case .pending: .pending
        case .confirmed: .paid
        case .expired: .expired
        case .cancelled: .cancelled
        case .unknown(let raw): .unknown(raw)
        }
    }

    /// The unified status with the provider's spelling beside it.
    public var providerStatus: ProviderStatus {
        ProviderStatus(paymentStatus, raw: rawValue)
    }
}
