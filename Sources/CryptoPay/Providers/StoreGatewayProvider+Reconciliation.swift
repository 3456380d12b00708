import Foundation

extension StoreGatewayProvider {
    /// How much earlier than the failed request, by the merchant's clock, a cancelled payment's `start_date` (the
    /// service's clock) may be and still count as that request's payment: generous for the difference between two
    /// synchronised clocks, short next to the time between two checkouts of one order.
    static let clockTolerance: TimeInterval = 300

    /// Sends the creation once, with the order reference in ``orderReferenceSlot``.
    func create(_ parameters: StoreGatewayPaymentParameters, reference: String) async throws -> StoreGatewayPayment {
        try await client.payments.create(parameters, reconciliationKey: reference, slot: Self.orderReferenceSlot)
    }

    /// Settles a creation that failed with an unknown outcome, as ``createCheckout(_:)`` documents.
    ///
    /// - Throws: `failure`, its message extended, when the lookup cannot settle it; the second creation's error.
    func reconcile(
        _ failure: PaymentError,
        parameters: StoreGatewayPaymentParameters,
        reference: String,
        sentAt: Date
    ) async throws -> Checkout {
        let result: StoreGatewayReconciliation
        do {
            result = try await client.payments.find(
                reconciliationKey: reference, slot: Self.orderReferenceSlot, around: sentAt)
        } catch let lookup as PaymentError {
            throw Self.unsettled(failure, reference, "looking it up failed too (\(lookup.kind))")
        }
        switch result {
        case .found(let payment) where Self.payment(payment, matches: parameters):
            return Self.checkout(payment)
        case .found(let payment):
            throw Self.unsettled(
                failure, reference,
                "payment \(payment.paymentID) carries it for \(payment.amount) \(payment.assetID), not what was sent")
        case .onlyCancelled(let cancelled) where cancelled.contains(where: { Self.isFromRequest($0, sentAt: sentAt) }):
            do {
                return Self.checkout(try await create(parameters, reference: reference))
            } catch var second as PaymentError where second.outcome == .unknown {
                second.message += "; this was a second creation, sent because the service had cancelled the first"
                throw second
            }
        case .onlyCancelled, .notFound:
            throw Self.unsettled(failure, reference, "no payment that is not cancelled carries it yet")
        }
    }

    /// True when the found payment is for what was sent: adopting a payment for another amount would ask the payer
    /// for the wrong sum.
    private static func payment(_ payment: StoreGatewayPayment, matches parameters: StoreGatewayPaymentParameters)
        -> Bool
    {
        payment.requested == parameters.amount
            && (payment.paymentAssetID.map { StoreGatewayAssetMapping.asset(id: $0) == parameters.paymentAsset } ?? true)
    }

    /// True when a payment started no earlier than the request was sent, allowing for ``clockTolerance``.
    private static func isFromRequest(_ payment: StoreGatewayPayment, sentAt: Date) -> Bool {
        guard let start = payment.startDate else { return false }
        return start >= sentAt.addingTimeInterval(-clockTolerance)
    }

    /// The creation's error, still of unknown outcome, saying what the lookup found and what to do.
    private static func unsettled(_ failure: PaymentError, _ reference: String, _ finding: String) -> PaymentError {
        var error = failure
        error.message +=
            "; order reference \"\(reference)\": \(finding). Ask checkout(orderReference:createdAround:) again"
            + " at least a minute later before creating it again"
        return error
    }
}
