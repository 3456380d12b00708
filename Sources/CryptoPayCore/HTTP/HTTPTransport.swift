/// Sends one HTTP request and returns the response.
///
/// Implementations return every HTTP response, including 4xx and 5xx, and throw only when no response arrived:
/// a ``PaymentError`` of kind ``PaymentError/Kind/transport`` (so retries can tell whether the request left),
/// or `CancellationError` when the calling task was cancelled. ``URLSessionTransport`` is the default; plug in your
/// own to use another HTTP stack, a proxy or a recorder.
///
/// An error of any other type is not retried, since it cannot say whether the request left, and reaches the caller
/// as a ``PaymentError`` of kind `transport` whose message and ``PaymentError/underlyingDescription`` are the error's
/// description (with the client's credentials redacted) and whose ``PaymentError/outcome`` is `unknown` for a
/// request that changes state. Throw ``PaymentError/transport(_:message:request:underlyingDescription:)`` with the
/// right ``TransportFailure`` to have failures retried.
public protocol HTTPTransport: Sendable {
    /// Sends the request and returns the response, whatever its status.
    ///
    /// - Throws: ``PaymentError`` of kind `transport` when no response arrived; `CancellationError` on
    ///   cancellation.
    func send(_ request: TransportRequest) async throws -> TransportResponse
}

/// A step around the transport that can change a request, observe the response, or send more than once.
///
/// An error of another type than ``PaymentError`` or `CancellationError` that a middleware throws reaches the caller
/// as a ``PaymentError`` of kind `transport`, as described on ``HTTPTransport``.
public protocol HTTPMiddleware: Sendable {
    /// Handles the request, calling `next` zero or more times to pass it on.
    ///
    /// - Throws: whatever `next` throws, or its own ``PaymentError``.
    func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse
}

/// A transport that runs a request through middleware, outermost first, before the wrapped transport.
package struct MiddlewareTransport: HTTPTransport {
    /// The transport that finally sends the request.
    package let base: any HTTPTransport
    /// The middleware, outermost first.
    package let middleware: [any HTTPMiddleware]

    /// Wraps `base` so that every request passes through `middleware`, outermost first.
    package init(base: any HTTPTransport, middleware: [any HTTPMiddleware]) {
        self.base = base
        self.middleware = middleware
    }

    /// Sends the request through the middleware chain.
    ///
    /// - Throws: whatever the middleware or the base transport throws.
    package func send(_ request: TransportRequest) async throws -> TransportResponse {
        try await run(request, from: 0)
    }

    private func run(_ request: TransportRequest, from index: Int) async throws -> TransportResponse {
        guard index < middleware.count else { return try await base.send(request) }
        return try await middleware[index].intercept(request) { next in
            try await self.run(next, from: index + 1)
        }
    }
}
