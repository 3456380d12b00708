import Foundation

/// Resends failed requests as a ``RetryPolicy`` allows, numbering each try in ``HTTPRequest/attempt``.
public struct RetryMiddleware: HTTPMiddleware {
    /// The policy that decides.
    public let policy: RetryPolicy

    /// Creates the middleware.
    public init(policy: RetryPolicy) {
        self.policy = policy
    }

    /// Sends the request, and again while the policy says so; returns the last response.
    ///
    /// - Throws: the last transport error when no try got a response, or `CancellationError` when the task is
    ///   cancelled while waiting.
    public func intercept(
        _ request: HTTPRequest,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var attempt = 1
        while true {
            var current = request
            current.attempt = attempt
            let outcome: RetryPolicy.Outcome
            do {
                let response = try await next(current)
                outcome = .response(status: response.statusCode, headers: response.headers)
                guard
                    case .retry(let wait) = policy.decision(method: request.method, outcome: outcome, attempt: attempt)
                else { return response }
                try await policy.sleep(wait)
            } catch let error as PaymentError {
                guard case .transport(let failure) = error.kind,
                    case .retry(let wait) = policy.decision(
                        method: request.method,
                        outcome: .transportFailure(failure),
                        attempt: attempt
                    )
                else { throw error }
                try await policy.sleep(wait)
            }
            try Task.checkCancellation()
            attempt += 1
        }
    }
}
