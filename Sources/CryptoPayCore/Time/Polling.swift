import Foundation

/// Polls a provider until an object reaches the state the caller waits for, for providers whose documents
/// recommend polling (the USDT invoice API, the POS API) and for the unified `waitForFinalStatus`.
package enum Polling {
    /// Calls `fetch` at once and then every `interval` until `isDone` accepts its value, and returns that value.
    ///
    /// A transient failure of one fetch (``PaymentError/isTransient``: rate limit, server error, transport) does
    /// not end the wait; the next fetch is tried on schedule. No fetch starts after `timeout` has passed.
    ///
    /// - Throws: ``PaymentError`` of kind `invalidRequest` (labelled with `provider` and `operation`) when
    ///   `interval` is not positive or `timeout` is negative, before anything is fetched; of kind `timedOut` when
    ///   `timeout` passes first; a fetch's non-transient error at once; `CancellationError` when the task is
    ///   cancelled.
    package static func until<Value: Sendable>(
        every interval: Duration,
        timeout: Duration,
        clock: WaitClock,
        provider: ProviderID,
        operation: String,
        fetch: () async throws -> Value,
        isDone: (Value) -> Bool
    ) async throws -> Value {
        guard interval > .zero, timeout >= .zero else {
            throw PaymentError(
                .invalidRequest,
                message: "the poll interval must be positive and the timeout not negative",
                provider: provider,
                operation: operation
            )
        }
        let deadline = clock.now().addingTimeInterval(timeout.timeInterval)
        var lastFailure: PaymentError?
        while true {
            try Task.checkCancellation()
            do {
                let value = try await fetch()
                if isDone(value) { return value }
                lastFailure = nil
            } catch let error as PaymentError where error.isTransient {
                lastFailure = error
            }
            let left = deadline.timeIntervalSince(clock.now())
            guard left > 0 else {
                let cause = lastFailure.map { "; the last fetch failed: \($0.message)" } ?? ""
                throw PaymentError(
                    .timedOut,
                    message:
                        "the object did not reach the awaited status within \(Int(timeout.timeInterval)) s\(cause)",
                    provider: provider,
                    operation: operation
                )
            }
            try await clock.sleep(min(interval, .clampedSeconds(left)))
        }
    }
}
