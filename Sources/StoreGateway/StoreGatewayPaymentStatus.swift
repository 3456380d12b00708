import CryptoPayCore
import Foundation

extension StoreGatewayPayment {
    /// The status code as sent (`status` or `status_type`) with the unified status it and the amounts stand for;
    /// `nil` when the payment has no status. Setting it sets the code; the unified status is read again from the
    /// code and the amounts.
    ///
    /// - `OPEN` is `PaymentStatus.pending` while nothing was received (`ip_amount` is 0 or absent). Once something
    ///   was received it is `PaymentStatus.partiallyPaid` for a fixed-amount payment that still needs more
    ///   (`remain_amount` > 0, or `ip_amount` < `payment_amount` when `remain_amount` is absent), and
    ///   `PaymentStatus.processing` otherwise: an open-amount payment, or a fixed amount fully received and
    ///   awaiting confirmations. A payment without `payment_type` is fixed-amount, the provider's default.
    /// - `CLOSING` ("in the process of closing") is `PaymentStatus.processing`.
    /// - `COMPLETE` is `PaymentStatus.paid`.
    /// - `CANCEL` is `PaymentStatus.expired` when the time ran out with nothing or too little received, and
    ///   `PaymentStatus.cancelled` otherwise. The time ran out when `complete_date` (the cancellation time) is at
    ///   or after `end_date`, or either date is absent; too little was received when `ip_amount` is 0 or absent, or
    ///   the payment is fixed-amount and still needed more (as above). A cancellation before `end_date`, such as
    ///   the one the service attempts after answering HTTP 500, or of an open-amount payment that received
    ///   something, is therefore `PaymentStatus.cancelled`.
    /// - Any other code is `PaymentStatus.unknown(_:)` with the code.
    ///
    /// Compare ``StoreGatewayStatus/rawValue`` to match the code alone: `status == .open` is false for an open
    /// payment that is partly paid.
    public var status: StoreGatewayStatus? {
        get {
            statusFields.code.map { StoreGatewayStatus(rawValue: $0.rawValue, paymentStatus: unifiedStatus(for: $0)) }
        }
        set { statusFields.code = newValue.map { StoreGatewayStatus(rawValue: $0.rawValue) } }
    }

    private func unifiedStatus(for code: StoreGatewayStatus) -> PaymentStatus {
        // The code alone gives `OPEN` as pending and `CANCEL` as cancelled; the amounts and dates refine those two.
        switch code.paymentStatus {
        case .pending:
            guard receivedSomething else { return .pending }
            return paymentType != .openAmount && stillOwed ? .partiallyPaid : .processing
        case .cancelled:
            let tooLittle = !receivedSomething || (paymentType != .openAmount && stillOwed)
            return tooLittle && timeRanOut ? .expired : .cancelled
        default:
            return code.paymentStatus
        }
    }

    private var receivedSomething: Bool { (ipAmount ?? 0) > 0 }

    /// True unless the amounts show the payable amount was covered.
    private var stillOwed: Bool {
        if let remainAmount { return remainAmount > 0 }
        if let paymentAmount, let ipAmount { return ipAmount < paymentAmount }
        return true
    }

    private var timeRanOut: Bool {
        guard let endDate, let completeDate else { return true }
        return completeDate >= endDate
    }
}
