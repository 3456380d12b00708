import CryptoPayCore

/// CheckPayment's `state`, kept open: a state the document does not name decodes as ``unknown(_:)``.
///
/// The document shows only `waiting`; the other cases are the states its webhook events name
/// (`payment.confirmed`, `payment.cancelled`, `payment.underpaid`, `payment.refunded`).
public enum OpenPOSPaymentState: OpenEnumeration {
    /// `waiting`: no transaction yet, or one that is still confirming.
    case waiting
    /// `confirmed`: the transaction reached the required confirmations.
    case confirmed
    /// `underpaid`: less than the amount arrived; accept it with AcceptPayment or refund it.
    case underpaid
    /// `cancelled`: cancelled with CancelPayment.
    case cancelled
    /// `refunded`: the amount was sent back.
    case refunded
    /// A state the document does not name, as sent.
    case unknown(String)

    /// The documented and inferred states.
    public static let documented: [OpenPOSPaymentState] = [.waiting, .confirmed, .underpaid, .cancelled, .refunded]

    /// The wire spelling.
    public var rawValue: String {
        switch self {
        case .waiting: "waiting"
        case .confirmed: "confirmed"
        case .underpaid: "underpaid"
        case .cancelled: "cancelled"
        case .refunded: "refunded"
        case .unknown(let raw): raw
        }
    }
}
