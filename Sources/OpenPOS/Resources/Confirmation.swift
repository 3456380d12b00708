import CryptoPayCore
import Foundation

extension OpenPOSClient {
    /// Polls CheckPayment, as the document advises ("refreshed periodically until confirmed=true"), until the
    /// payment is confirmed or its status ends a wait (`PaymentStatus.endsWait`: paid, cancelled, refunded, or
    /// underpaid, which waits for your AcceptPayment or RefundPayment), and returns that answer.
    ///
    /// A failed check that may pass on its own (rate limit, server error, network) does not end the wait. Cancel the
    /// calling task to stop waiting; to give the customer time to send the rest of an underpaid payment, wait again.
    ///
    /// - Parameters:
    ///   - reference: the payment.
    ///   - options: the per-call settings sent with every check.
    ///   - pollEvery: the time between two checks; the provider's `wait_time` is five seconds.
    ///   - timeout: how long to wait in all.
    ///   - clock: the clock to read and sleep on; inject one in tests.
    /// - Throws: `PaymentError`: `invalidRequest` for a reference the API cannot express or a non-positive
    ///   interval (nothing is sent); `timedOut` when the timeout passes first; a check's non-transient error
    ///   (`authentication`, `validation` …) at once; `CancellationError` when the task is cancelled.
    public func waitForConfirmation(
        of reference: OpenPOSPaymentReference,
        pollEvery: Duration = .seconds(5),
        timeout: Duration = .seconds(3600),
        clock: WaitClock = .system,
        options: OpenPOSCallOptions = .none
    ) async throws -> OpenPOSPaymentCheck {
        try await Polling.until(
            every: pollEvery,
            timeout: timeout,
            clock: clock,
            provider: .openPOS,
            operation: "waitForConfirmation",
            fetch: { try await checkPayment(reference, options: options) },
            isDone: { $0.confirmed || $0.status.paymentStatus.endsWait }
        )
    }
}
