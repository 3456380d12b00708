import Foundation

/// What ``StoreGatewayClient/Payments/find(reconciliationKey:slot:around:)`` learned about a creation whose outcome
/// was unknown.
///
/// The service tries to cancel a payment it answered HTTP 500 for, so a payment carrying the key is not proof of a
/// usable one: a cancelled match is reported as such, never as the payment to use.
public enum StoreGatewayReconciliation: Hashable, Sendable {
    /// A payment carrying the key that is not cancelled (`OPEN`, `CLOSING`, `COMPLETE`, a status the document does
    /// not list, or none): it was created; use it and do not create another. When several are live (a duplicate was
    /// created), the one furthest along: `COMPLETE`, then `CLOSING`, then `OPEN`, then any other; the earliest
    /// created among equals.
    case found(StoreGatewayPayment)
    /// Only cancelled payments (`CANCEL`) carry the key, earliest first. When one of them was created at or after
    /// the failed request was sent (``StoreGatewayPayment/startDate``, allowing for the two clocks' difference),
    /// the service cancelled what that request created: nothing the payer could pay exists for the key, and
    /// creating again (with the same key) does not duplicate a payment. Older ones belong to earlier attempts and
    /// say nothing about this one: treat them as ``notFound``.
    case onlyCancelled([StoreGatewayPayment])
    /// No payment in the searched days carries the key. Right after the failure this does not prove that nothing
    /// was created: the service answers HTTP 500 only after trying for 30 seconds and then still works on the
    /// request (it tries to cancel it). Look again, with the same `around`, at least a minute after the failed call
    /// returned; create again (with the same key) only when that lookup finds nothing either.
    case notFound

    /// The payment to use: the ``found(_:)`` one, `nil` otherwise.
    public var payment: StoreGatewayPayment? {
        guard case .found(let payment) = self else { return nil }
        return payment
    }

    /// Sorts the payments that carry the key into the result.
    init(matches: [StoreGatewayPayment]) {
        let byStart = matches.sorted { ($0.startDate ?? .distantFuture) < ($1.startDate ?? .distantFuture) }
        let live = byStart.filter { $0.status?.rawValue != StoreGatewayStatus.cancel.rawValue }
        if let best = live.min(by: { Self.progress($0.status) > Self.progress($1.status) }) {
            self = .found(best)
        } else if byStart.isEmpty {
            self = .notFound
        } else {
            self = .onlyCancelled(byStart)
        }
    }

    /// How far a live payment got; `min(by:)` keeps the first of equals, which is the earliest created.
    private static func progress(_ status: StoreGatewayStatus?) -> Int {
        switch status?.rawValue {
        case StoreGatewayStatus.complete.rawValue: 3
        case StoreGatewayStatus.closing.rawValue: 2
        case StoreGatewayStatus.open.rawValue: 1
        default: 0
        }
    }
}
