import CryptoPayCore
import Foundation

extension OneXGateClient {
    /// Payments, `/v1/integrations/payments`. 1xGate has no cancel: an unpaid payment expires by itself.
    public struct Payments: Sendable {
        let api: APIClient
        let creationPath: OneXGatePaymentCreationPath

        /// Creates a payment, `POST /v1/integrations/payments` (or the path the client was configured with; see
        /// ``OneXGateClient/init(apiKey:configuration:paymentCreationPath:)``). Send the customer to the returned
        /// ``OneXGatePayment/link``.
        ///
        /// Not retried once it may have reached 1xGate. When the error's ``PaymentError/outcome`` is `unknown`,
        /// 1xGate may have created the payment: its order id is unique, so do not reuse it blindly.
        ///
        /// - Throws: ``PaymentError``: `invalidRequest` for an asset 1xGate does not document, an amount of zero or
        ///   less or with more decimals than the asset allows, a blank order id or a callback that is not an
        ///   absolute http(s) URL (nothing is sent); `validation` when 1xGate rejects the data; `authentication` for
        ///   a wrong key; otherwise as the other calls (`server`, `transport`, `decoding`, `timedOut`).
        public func create(_ parameters: OneXGatePaymentParameters) async throws -> OneXGatePayment {
            let operation = "payments.create"
            let body = try api.validating(operation) { try parameters.body() }
            return try await api.send(Endpoint(operation, .post, creationPath.rawValue, body: .json(body)))
        }

        /// The payment's current state, `GET /v1/integrations/payments/{paymentId}`.
        ///
        /// - Throws: ``PaymentError``: `invalidRequest` for an empty id (nothing is sent), `notFound` when there is
        ///   no such payment, `authentication` for a wrong key, otherwise `server`, `transport`, `decoding` or
        ///   `timedOut`.
        public func retrieve(id: String) async throws -> OneXGatePayment {
            try await api.send(
                Endpoint(
                    "payments.retrieve",
                    .get,
                    "/v1/integrations/payments/{paymentId}",
                    pathParameters: ["paymentId": id]
                )
            )
        }

        /// Retrieves the payment at once and then every `pollEvery` until its status ends a wait
        /// (``PaymentStatus/endsWait``): paid, expired or failed, or partially paid (a state 1xGate leaves for the
        /// merchant to settle), and returns it.
        ///
        /// 1xGate's webhook is the primary notice; use this when the customer is back on your site and you want
        /// the result without waiting for the webhook. A transient failure of one retrieval does not end the wait.
        ///
        /// - Parameters:
        ///   - pollEvery: the interval between retrievals.
        ///   - timeout: how long to wait in all.
        ///   - clock: the clock and sleep; inject a manual one in tests.
        /// - Throws: ``PaymentError``: `invalidRequest` for an empty id or a non-positive interval (nothing is
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
                isDone: { $0.status.status.endsWait }
            )
        }
    }
}
