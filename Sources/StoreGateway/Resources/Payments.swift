import CryptoPayCore
import Foundation

extension StoreGatewayClient {
    /// Payments: create (crypto or fiat), list by day, retrieve, their blockchain transactions, and the lookup that
    /// tells whether a creation that failed with an unknown outcome was applied.
    public struct Payments: Sendable {
        let api: APIClient

        /// The status filter values `GET /payments` documents.
        public static let listableStatuses: [StoreGatewayStatus] = [.open, .complete, .cancel]

        /// Creates a crypto payment, `POST /payment` (operation `payments.create`).
        ///
        /// Never resent once it may have reached the service. Prefer ``create(_:reconciliationKey:slot:)``, which
        /// makes a failure with an unknown outcome resolvable.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an amount of zero or less, an asset Store Gateway cannot
        ///   express, an undocumented payment type, a timeout outside 0…1440, an undocumented payer language, a
        ///   custom slot outside custom1…custom9 or an empty dedicate ID (nothing is sent); `validation` (HTTP 422)
        ///   with the service's code; `server` (HTTP 500), `transport` or `decoding` with `PaymentError.outcome`
        ///   `unknown` when the payment may have been created; otherwise as any request.
        public func create(_ parameters: StoreGatewayPaymentParameters) async throws -> StoreGatewayPayment {
            try await sendCreation(StoreGatewayOperations.paymentsCreate, parameters, slot: nil)
        }

        /// Creates a crypto payment carrying `reconciliationKey` in a custom slot, `POST /payment` (operation
        /// `payments.create`).
        ///
        /// Use a key that identifies the order (its ID). If the call fails with `PaymentError.outcome`
        /// `unknown` (HTTP 500, a timeout, a lost connection), ``find(reconciliationKey:slot:around:)`` with the
        /// same key and slot tells whether the payment exists before anything else is done.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty key, a slot outside custom1…custom9 or one the
        ///   parameters already fill with another value, and everything ``create(_:)`` refuses (nothing is sent);
        ///   otherwise as ``create(_:)``.
        public func create(
            _ parameters: StoreGatewayPaymentParameters,
            reconciliationKey: String,
            slot: StoreGatewayCustomSlot
        ) async throws -> StoreGatewayPayment {
            let body = try api.validating(StoreGatewayOperations.paymentsCreate.name) {
                var parameters = parameters
                parameters.customFields = try Self.stamped(parameters.customFields, key: reconciliationKey, slot: slot)
                return parameters
            }
            return try await sendCreation(StoreGatewayOperations.paymentsCreate, body, slot: slot)
        }

        /// Creates a fiat payment, `POST /payment` with `fiat_provider` and `fiat_asset_id` (operation
        /// `payments.createFiat`).
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for everything ``create(_:)`` refuses, a fiat provider the
        ///   document does not list or a fiat asset other than USD, EUR, JPY, KRW and TRY (nothing is sent);
        ///   otherwise as ``create(_:)``, including the unknown outcome.
        public func createFiat(_ parameters: StoreGatewayFiatPaymentParameters) async throws -> StoreGatewayPayment {
            try await sendCreation(StoreGatewayOperations.paymentsCreateFiat, parameters, slot: nil)
        }

        /// Creates a fiat payment carrying `reconciliationKey` in a custom slot (operation `payments.createFiat`);
        /// see ``create(_:reconciliationKey:slot:)``.
        ///
        /// - Throws: as ``create(_:reconciliationKey:slot:)`` and ``createFiat(_:)``.
        public func createFiat(
            _ parameters: StoreGatewayFiatPaymentParameters,
            reconciliationKey: String,
            slot: StoreGatewayCustomSlot
        ) async throws -> StoreGatewayPayment {
            let body = try api.validating(StoreGatewayOperations.paymentsCreateFiat.name) {
                var parameters = parameters
                parameters.payment.customFields = try Self.stamped(
                    parameters.payment.customFields, key: reconciliationKey, slot: slot)
                return parameters
            }
            return try await sendCreation(StoreGatewayOperations.paymentsCreateFiat, body, slot: slot)
        }

        /// The payments created between two days, `GET /payments?from=&to=` (operation `payments.list`).
        ///
        /// - Parameters:
        ///   - from: the first day, `YYYY-MM-DD`.
        ///   - to: the last day, `YYYY-MM-DD`; not before `from`.
        ///   - status: only payments with this status code: one of ``listableStatuses`` (`OPEN`, `COMPLETE`,
        ///     `CANCEL`), the filter values the document lists (payments can be `CLOSING`, but it is no filter).
        ///   - asset: only payments in this asset.
        ///   - dedicateID: only payments to this dedicated address.
        /// - Throws: `PaymentError`: `invalidRequest` when a day is not a real date written `YYYY-MM-DD`, `to` is
        ///   before `from`, the status is not a documented filter value, the asset cannot be expressed or the
        ///   dedicate ID is empty (nothing is sent); otherwise as any request. Retried like any read.
        public func list(
            from: String,
            to: String,
            status: StoreGatewayStatus? = nil,
            asset: Asset? = nil,
            dedicateID: String? = nil
        ) async throws -> [StoreGatewayPayment] {
            let assetID = try api.validating(StoreGatewayOperations.paymentsList.name) {
                try asset.map { try StoreGatewayAssetMapping.requireID(for: $0, field: "asset_id") }
            }
            return try await api.perform(
                StoreGatewayOperations.paymentsList,
                PaymentListQuery(from: from, to: to, status: status, assetID: assetID, dedicateID: dedicateID)
            )
        }

        /// The payment with this ID, `GET /payment/{payment_id}` (operation `payments.retrieve`).
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty ID (nothing is sent); `notFound` for
        ///   `ERR_NO_PAYMENT`; otherwise as any request.
        public func retrieve(id: String) async throws -> StoreGatewayPayment {
            try await api.perform(StoreGatewayOperations.paymentsRetrieve, PathParameters(["payment_id": id]))
        }

        /// The blockchain transactions to a payment's address, `GET /payment/{payment_id}/txs` (operation
        /// `payments.transactions`).
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty ID (nothing is sent); `notFound` for
        ///   `ERR_NO_PAYMENT`; otherwise as any request.
        public func transactions(id: String) async throws -> [StoreGatewayTransaction] {
            try await api.perform(StoreGatewayOperations.paymentsTransactions, PathParameters(["payment_id": id]))
        }

        /// What became of a creation sent with `reconciliationKey` in `slot`: the documented way to learn what a
        /// creation that failed with an unknown outcome did (the service answers HTTP 500 when it cannot finish in
        /// 30 seconds, and then tries to cancel the payment).
        ///
        /// Lists the payments of several days in one `payments.list` call and keeps those carrying the key. The
        /// document does not say in which time zone `from` and `to` are read; its timestamps are UTC, so UTC is
        /// assumed, and the window is widened by a day on each side in case the service's days are another zone's:
        /// `from` is the UTC day before `around`'s, `to` the second UTC day after it (the day after, plus one, so
        /// that the window is covered whether `to` is inclusive or not). Pass the time the creation was sent.
        ///
        /// - Returns: ``StoreGatewayReconciliation/found(_:)`` with a payment that is not cancelled (use it);
        ///   ``StoreGatewayReconciliation/onlyCancelled(_:)`` when every match was cancelled (never use them; the
        ///   case says when creating again is safe); ``StoreGatewayReconciliation/notFound`` when nothing carries the key yet
        ///   (look again at least a minute after the failed call returned before creating again).
        /// - Throws: `PaymentError`: `invalidRequest` for an empty key or a slot outside custom1…custom9 (nothing
        ///   is sent); otherwise as ``list(from:to:status:asset:dedicateID:)``: a failed lookup throws, never
        ///   answers ``StoreGatewayReconciliation/notFound``.
        public func find(
            reconciliationKey: String,
            slot: StoreGatewayCustomSlot,
            around date: Date
        ) async throws -> StoreGatewayReconciliation {
            try api.validating("payments.find") {
                try FieldRules.notBlank(reconciliationKey, field: "reconciliationKey")
                try slot.requireDocumented()
            }
            let payments = try await list(from: Day.format(date, addingDays: -1), to: Day.format(date, addingDays: 2))
            return StoreGatewayReconciliation(matches: payments.filter { $0.customFields[slot] == reconciliationKey })
        }

        /// Puts the key into the slot, refusing to overwrite another value.
        private static func stamped(
            _ fields: StoreGatewayCustomFields,
            key: String,
            slot: StoreGatewayCustomSlot
        ) throws -> StoreGatewayCustomFields {
            try FieldRules.notBlank(key, field: "reconciliationKey")
            try slot.requireDocumented()
            if let existing = fields[slot], existing != key {
                throw PaymentError.invalidRequest("\(slot) already holds another value; choose a free slot for the key")
            }
            var fields = fields
            fields[slot] = key
            return fields
        }

        /// Sends a creation once and, when its outcome is unknown, says how to find out what happened.
        private func sendCreation<Parameters>(
            _ operation: APIOperation<Parameters, StoreGatewayPayment>,
            _ parameters: Parameters,
            slot: StoreGatewayCustomSlot?
        ) async throws -> StoreGatewayPayment {
            do {
                return try await api.perform(operation, parameters)
            } catch var error as PaymentError where error.outcome == .unknown {
                let hint =
                    if let slot {
                        "; payments.find(reconciliationKey:slot: .\(slot), around:) with the time of this request"
                            + " tells whether the payment was created"
                    } else {
                        "; look for the payment in payments.list (yesterday to tomorrow) before creating it again"
                    }
                error.message += hint
                throw error
            }
        }
    }
}
