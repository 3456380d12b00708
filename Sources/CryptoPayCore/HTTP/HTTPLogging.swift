import Foundation

/// One request/response exchange as seen by the logging middleware, with every credential already redacted.
public struct HTTPLogRecord: Sendable, CustomStringConvertible {
    /// The provider the request went to, so that one handler can serve several clients.
    public var provider: ProviderID?
    /// The client operation (`payments.create`), as named in errors and on the command line.
    public var operation: String?
    /// The HTTP method.
    public var method: String
    /// The URL with credential-like query values replaced by `[REDACTED]`.
    public var url: String
    /// The request headers with credential values replaced by `[REDACTED]`.
    public var requestHeaders: [HeaderFields.Field]
    /// The response status, or `nil` when no response arrived.
    public var status: Int?
    /// The time from sending to the response or the failure.
    public var duration: Duration
    /// Which try this was, starting at 1.
    public var attempt: Int
    /// The failure, when no response arrived (a ``PaymentError`` description, which never contains a secret).
    public var failure: String?

    /// One line: `usegateway payments.create: POST https://host/path?q=1 → 201 in 12 ms (attempt 1)`.
    public var description: String {
        let milliseconds = Int((duration / .milliseconds(1)).rounded())
        let outcome = status.map { "\($0)" } ?? "failed: \(failure ?? "no response")"
        let label = [provider?.rawValue, operation].compactMap { $0 }.joined(separator: " ")
        let prefix = label.isEmpty ? "" : label + ": "
        return "\(prefix)\(method) \(url) → \(outcome) in \(milliseconds) ms (attempt \(attempt))"
    }
}

/// Receives one ``HTTPLogRecord`` per try. Hand it to your logging system; it is called on the task that sent
/// the request, so it should not block.
public typealias HTTPLogHandler = @Sendable (HTTPLogRecord) -> Void

/// Reports every try to an ``HTTPLogHandler`` with credentials redacted (see ``Redactor``).
package struct LoggingMiddleware: HTTPMiddleware {
    /// The handler that receives the records.
    package let handler: HTTPLogHandler

    /// Creates the middleware.
    package init(handler: @escaping HTTPLogHandler) {
        self.handler = handler
    }

    /// Sends the request and reports how it went.
    ///
    /// - Throws: whatever `next` throws, unchanged.
    package func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        let started = DispatchTime.now()
        func record(status: Int?, failure: String?) -> HTTPLogRecord {
            let elapsed = Duration.nanoseconds(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds)
            return HTTPLogRecord(
                provider: request.provider,
                operation: request.operation,
                method: request.method.rawValue,
                url: Redactor.redactedURL(request.url),
                requestHeaders: Redactor.redactedHeaders(request.headers),
                status: status,
                duration: elapsed,
                attempt: request.attempt,
                failure: failure
            )
        }
        do {
            let response = try await next(request)
            handler(record(status: response.statusCode, failure: nil))
            return response
        } catch let error as PaymentError {
            handler(record(status: nil, failure: error.description))
            throw error
        } catch {
            handler(record(status: nil, failure: String(describing: type(of: error))))
            throw error
        }
    }
}
