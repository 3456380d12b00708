import CryptoPayCore
import Foundation

/// How the POS API's payment states map onto the unified `PaymentStatus`.
///
/// CheckPayment reports a `state` and, separately, whether the transaction is `confirmed` and how many
/// confirmations it has. The state decides for cancelled, refunded and underpaid payments; for a waiting or
/// confirmed one the `confirmed` flag decides, because the document says to poll "until confirmed=true":
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
public enum OpenPOSStatus {
    /// The spellings of states and transaction statuses (matched ignoring case: GetTransactions writes
    /// `Confirmed`), each mapped without the confirmation details.
    public static let table: [String: PaymentStatus] = [
        "waiting": .pending, "confirmed": .paid, "underpaid": .partiallyPaid, "cancelled": .cancelled,
        "refunded": .refunded,
    ]

    /// The unified status of a CheckPayment answer, following the table above; ``ProviderStatus/raw`` is the state.
    static func status(
        state: OpenPOSPaymentState,
        confirmed: Bool,
        confirmations: Int?,
        received: Decimal?
    ) -> ProviderStatus {
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
        return ProviderStatus(status, raw: state.rawValue)
    }

    /// The unified status of a GetTransactions `status` (`Confirmed`), from ``table``.
    public static func status(transactionStatus raw: String) -> ProviderStatus {
        ProviderStatus(raw: raw, table: table)
    }
}
