import CryptoPayCore

/// Whether a payment needs the whole amount (`payment_type`), kept open.
///
/// The Use Scenarios define both: a fixed-amount payment succeeds only when the payer pays at least the amount
/// ordered (less the store's underpayment threshold) in time, possibly over several transactions; an open-amount
/// payment succeeds on any amount received in time and fails only when nothing arrives. The provider's default is
/// ``fixedAmount``.
public enum StoreGatewayPaymentType: OpenEnumeration {
    /// `FIXED_AMOUNT`: the whole amount must arrive before the payment expires.
    case fixedAmount
    /// `OPEN_AMOUNT`: any amount received before the payment expires completes it.
    case openAmount
    /// A type the document does not list, as sent.
    case unknown(String)

    /// The documented types.
    public static let documented: [StoreGatewayPaymentType] = [.fixedAmount, .openAmount]

    /// The wire spelling (`FIXED_AMOUNT`).
    public var rawValue: String {
        switch self {
        case .fixedAmount: "FIXED_AMOUNT"
        case .openAmount: "OPEN_AMOUNT"
        case .unknown(let raw): raw
        }
    }
}
