import CryptoPayCore
import Foundation

extension OpenPOSClient {
    /// Polls CheckPayment, as the document advises ("refreshed periodically until confirmed=true"), until the
    /// payment is confirmed or reaches a final status (paid, cancelled, refunded), and returns that answer.
    ///
    /// An underpaid payment keeps being polled (the customer may still send the rest) until the timeout; a failed
    /// check that may pass on its own (rate limit, server error, network) does not end the wait. Cancel the calling
    /// task to stop waiting.
    ///
    /// - Parameters:
    ///   - pollEvery: the time between two checks; the provider's `wait_time` is five seconds.
    ///   - timeout: how long to wait in all.
    ///   - clock: the clock to read and sleep on; inject one in tests.
    /// - Throws: ``PaymentError``: `invalidRequest` for a reference the API cannot express or a non-positive
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
            isDone: { $0.confirmed || $0.status.status.isFinal }
        )
    }
}
