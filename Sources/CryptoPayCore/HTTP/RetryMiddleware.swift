import Foundation

/// Resends failed requests as a ``RetryPolicy`` allows, numbering each try in ``TransportRequest/attempt`` and
/// keeping every call within the policy's overall deadline.
package struct RetryMiddleware: HTTPMiddleware {
    /// The policy that decides.
    package let policy: RetryPolicy

    /// Creates the middleware.
    package init(policy: RetryPolicy) {
        self.policy = policy
    }

    /// Sends the request, and again while the policy says so and the deadline allows; returns the last response.
    ///
    /// - Throws: the last transport error when no try got a response; ``PaymentError`` of kind `timedOut` when the
    ///   deadline leaves no time for a try; `CancellationError` when the task is cancelled while waiting. An error of
    ///   another type (from a custom transport) is thrown at once, never retried: it cannot say whether the request
    ///   left, nor whether trying again could help.
    package func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        let started = policy.clock.now()
        let deadline = policy.overallDeadline.timeInterval
        func remaining() -> TimeInterval { deadline - policy.clock.now().timeIntervalSince(started) }
        var attempt = 1
        while true {
            var current = request
            current.attempt = attempt
            let left = remaining()
            guard left > 0 else { throw deadlineError(seconds: deadline) }
            current.timeout = min(request.timeout, .seconds(left))
            let wait: Duration
            do {
                let response = try await next(current)
                let outcome = RetryPolicy.Outcome.response(status: response.statusCode, headers: response.headers)
                guard case .retry(let after) = decide(request, outcome, attempt), after.timeInterval < remaining()
                else {
                    return response
                }
                wait = after
            } catch let error as PaymentError {
                guard let failure = error.transportFailure,
                    case .retry(let after) = decide(request, .transportFailure(failure), attempt),
                    after.timeInterval < remaining()
                else { throw error }
                wait = after
            }
            try await policy.clock.sleep(RetryPolicy.clamped(wait))
            try Task.checkCancellation()
            attempt += 1
        }
    }

    private func decide(_ request: TransportRequest, _ outcome: RetryPolicy.Outcome, _ attempt: Int)
        -> RetryPolicy.Decision
    {
        policy.decision(isIdempotent: request.isIdempotent, outcome: outcome, attempt: attempt)
    }

    /// Nothing was sent for this try, and a non-idempotent request is only ever retried after a try that never
    /// left, so the outcome is certain.
    private func deadlineError(seconds: TimeInterval) -> PaymentError {
        PaymentError(.timedOut, message: "no time left within the overall deadline of \(Int(seconds)) s for a try")
    }
}
