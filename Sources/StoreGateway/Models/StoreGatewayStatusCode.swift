import CryptoPayCore

/// The status code Store Gateway gives payments, withdrawals, dedicated addresses, transfers and blockchain
/// transactions (`status` or `status_type`), kept open: a code the document does not list decodes as
/// ``unknown(_:)``.
///
/// For payments, ``StoreGatewayPayment/status`` turns the code and the amounts into a unified `PaymentStatus`.
public enum StoreGatewayStatusCode: OpenEnumeration {
    /// `OPEN`: open, in process.
    case open
    /// `COMPLETE`: completed successfully.
    case complete
    /// `CANCEL`: cancelled, by the service when the time ran out or otherwise.
    case cancel
    /// `CLOSING`: in the process of closing. Payments and withdrawals report it, but it is not a value of the
    /// `payments.list` status filter (see ``StoreGatewayClient/Payments/listableStatuses``).
    case closing
    /// A code the document does not list, as sent.
    case unknown(String)

    /// The documented codes, in the document's order.
    public static let documented: [StoreGatewayStatusCode] = [.open, .complete, .cancel, .closing]

    /// The wire spelling (`OPEN`).
    public var rawValue: String {
        switch self {
        case .open: "OPEN"
        case .complete: "COMPLETE"
        case .cancel: "CANCEL"
        case .closing: "CLOSING"
        case .unknown(let raw): raw
        }
    }
}
