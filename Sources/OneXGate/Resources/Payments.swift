import CryptoPayCore
import Foundation

extension OneXGateClient {
    /// Payments, `/v1/integrations/payments`. 1xGate has no cancel: an unpaid payment expires by itself.
    public struct Payments: Sendable {
        let api: APIClient
        let creationRoute: OneXGatePaymentCreationRoute

        /// Creates a payment, `POST /v1/integrations/payments/external` or `POST /v1/integrations/payments` (see
        /// ``OneXGateClient/init(apiKey:configuration:paymentCreationPath:)`` for which). Send the customer to the
        /// returned ``OneXGatePayment/link``.
        ///
        /// Unless the client pins a path, a 404 on the first path tried (a route the service does not serve:
        /// nothing was created) makes it post once to the other path, and the path that created the payment is
        /// tried first from then on. Any other failure is never followed by a second request. Not retried once it
        /// may have reached 1xGate. When the error's `PaymentError.outcome` is `unknown`, 1xGate may have created
        /// the payment: its order id is unique, so do not reuse it blindly.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an asset 1xGate does not document, an amount of zero or
        ///   less or with more decimals than the asset allows, a blank order id or a callback that is not an
        ///   absolute http(s) URL (nothing is sent); `notFound` when both paths (or the pinned one) answer 404;
        ///   `validation` when 1xGate rejects the data; `authentication` for a wrong key; otherwise as the other
        ///   calls (`server`, `transport`, `decoding`, `timedOut`).
        public func create(_ parameters: OneXGatePaymentParameters) async throws -> OneXGatePayment {
            try await create(try api.validating(OneXGateOperations.paymentsCreate.name) { try parameters.body() })
        }

        /// Posts a creation body to the pinned path, or to the learned one with one fallback on a 404.
        func create(_ body: OneXGatePaymentParameters.Body) async throws -> OneXGatePayment {
            let operation = OneXGateOperations.paymentsCreate
            func post(to path: OneXGatePaymentCreationPath) async throws -> OneXGatePayment {
                let payment = try await api.perform(operation, body, path: path.rawValue)
                creationRoute.remember(path)
                return payment
            }
            let first = creationRoute.next
            guard creationRoute.pinned == nil else { return try await post(to: first) }
            do {
                return try await post(to: first)
            } catch let error as PaymentError where OneXGatePaymentCreationRoute.isUnknownRoute(error) {
                do {
                    return try await post(to: first.alternative)
                } catch var second as PaymentError where OneXGatePaymentCreationRoute.isUnknownRoute(second) {
                    second.message += " (\(first.rawValue) answered 404 too)"
                    throw second
                }
            }
        }

        /// The payment's current state, `GET /v1/integrations/payments/{paymentId}`.
        ///
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is
        ///   no such payment, `authentication` for a wrong key, otherwise `server`, `transport`, `decoding` or
        ///   `timedOut`.
        public func retrieve(id: String) async throws -> OneXGatePayment {
            try await api.perform(OneXGateOperations.paymentsRetrieve, PathParameters(["paymentId": id]))
        }

        /// Retrieves the payment at once and then every `pollEvery` until its status ends a wait
        /// (`PaymentStatus.endsWait`): paid, expired or failed, or partially paid (a state 1xGate leaves for the
        /// merchant to settle), and returns it.
        ///
        /// 1xGate's webhook is the primary notice; use this when the customer is back on your site and you want
        /// the result without waiting for the webhook. A transient failure of one retrieval does not end the wait.
        ///
        /// - Parameters:
        ///   - id: the payment.
        ///   - pollEvery: the interval between retrievals.
        ///   - timeout: how long to wait in all.
        ///   - clock: the clock and sleep; inject a manual one in tests.
        /// - Throws: `PaymentError`: `invalidRequest` for an empty id or a non-positive interval (nothing is
        ///   sent), `timedOut` when the timeout passes first, a retrieval's non-transient error (`notFound`,
        ///   `authentication`, `decoding`) at once; `CancellationError` when the task is cancelled.
        public func waitForFinalStatus(
            id: String,
            pollEvery: Duration = .seconds(15),
            timeout: Duration = .seconds(3600),
            clock: WaitClock = .system
        ) async throws -> OneXGatePayment {
            try await Polling.until(
                every: pollEvery,
                timeout: timeout,
                clock: clock,
                provider: api.provider,
                operation: "payments.waitForFinalStatus",
                fetch: { try await retrieve(id: id) },
                isDone: { $0.status.paymentStatus.endsWait }
            )
        }
    }
}
