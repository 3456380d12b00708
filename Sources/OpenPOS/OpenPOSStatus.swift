import CryptoPayCore
import Foundation

/// A POS API payment's status: the provider's text exactly as sent (CheckPayment's `state`, GetTransactions'
/// `status`), and its unified `PaymentStatus`.
///
/// Read from the text alone (``init(rawValue:)``, GetTransactions), matching ignores case (GetTransactions writes
/// `Confirmed`). CheckPayment reports, beside its `state`, whether the transaction is `confirmed` and how many
/// confirmations it has; ``OpenPOSPaymentCheck/status`` lets the state decide for cancelled, refunded and underpaid
/// payments and the `confirmed` flag for a waiting or confirmed one, because the document says to poll "until
/// confirmed=true":
///
/// | state | flag and confirmations | status |
/// | --- | --- | --- |
/// | `waiting` | `confirmed` false, nothing received, no confirmations | `pending` |
/// | `waiting` | `confirmed` false, seen (something received or confirmations > 0) | `processing` |
/// | `confirmed` | `confirmed` false | `processing` |
/// | `waiting` or `confirmed` | `confirmed` true | `paid` |
/// | `underpaid` | any | `partiallyPaid` |
/// | `cancelled` | any | `cancelled` |
/// | `refunded` | any | `refunded` |
/// | anything else | any | `unknown` |
public struct OpenPOSStatus: ProviderStatus {
    /// The status exactly as sent (`waiting`, `Confirmed`).
    public let rawValue: String
    /// The unified status.
    public let paymentStatus: PaymentStatus

    /// Pairs the provider's text with a unified status; ``init(rawValue:)`` looks the status up instead.
    public init(rawValue: String, paymentStatus: PaymentStatus) {
        self.rawValue = rawValue
        self.paymentStatus = paymentStatus
    }

    /// `waiting`, read from the text alone: `PaymentStatus.pending`.
    public static let waiting = Self(rawValue: "waiting", paymentStatus: .pending)
    /// `confirmed`, read from the text alone: `PaymentStatus.paid`.
    public static let confirmed = Self(rawValue: "confirmed", paymentStatus: .paid)
    /// `underpaid`: `PaymentStatus.partiallyPaid`.
    public static let underpaid = Self(rawValue: "underpaid", paymentStatus: .partiallyPaid)
    /// `cancelled`: `PaymentStatus.cancelled`.
    public static let cancelled = Self(rawValue: "cancelled", paymentStatus: .cancelled)
    /// `refunded`: `PaymentStatus.refunded`.
    public static let refunded = Self(rawValue: "refunded", paymentStatus: .refunded)

    /// True: GetTransactions writes `Confirmed` where CheckPayment writes `confirmed`.
    public static let matchesIgnoringCase = true

    /// The documented and inferred states and transaction statuses.
    public static let documented: [Self] = [.waiting, .confirmed, .underpaid, .cancelled, .refunded]

    /// The status of a CheckPayment answer, following the table above; the text is the state.
    init(state: OpenPOSPaymentState, confirmed: Bool, confirmations: Int?, received: Decimal?) {
        let status: PaymentStatus
        switch state {
        case .cancelled: status = .cancelled
        case .refunded: status = .refunded
        case .underpaid: status = .partiallyPaid
        case .waiting, .confirmed:
            let seen = (confirmations ?? 0) > 0 || (received ?? 0) > 0
            status = confirmed ? .paid : (seen || state == .confirmed) ? .processing : .pending
        case .unknown(let raw): status = .unknown(raw)
        }
        self.init(rawValue: state.rawValue, paymentStatus: status)
    }
}
