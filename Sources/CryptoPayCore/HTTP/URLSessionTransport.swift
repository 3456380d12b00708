import Dispatch
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default ``HTTPTransport``: sends each request with Foundation's `URLSession`.
///
/// - Every HTTP status, including 4xx and 5xx, comes back as an ``TransportResponse``.
/// - `Accept: application/json` and `User-Agent: CryptoPay/<version> Swift` are sent unless the request sets those
///   headers itself. A `POST` with a body and no `Content-Type` goes out as `application/x-www-form-urlencoded`
///   on Linux (FoundationNetworking adds it), so callers sending JSON set `Content-Type` themselves.
/// - Redirects are not followed: a 3xx arrives as a response. Following one silently could turn a `POST` into a
///   `GET`, drop its body, or carry an API key to another host.
/// - Response size: a body larger than ``maximumResponseBytes`` (10 MiB by default) ends the call with
///   ``TransportFailure/responseTooLarge(limit:)``. With a session the transport creates itself, the body is
///   received piece by piece and the call fails as soon as the limit is passed (at once when `Content-Length`
///   announces too much), keeping at most the limit in memory; the rest of the transfer is read and discarded in the
///   background until it ends or times out. With a session of the caller's (``init(session:maximumResponseBytes:)``)
///   URLSession buffers the whole body before the limit can be checked.
/// - Timeouts: libcurl truncates `timeoutInterval` to whole seconds (0.5 s would fail after a few milliseconds), so
///   ``TransportRequest/timeout`` is rounded *up* to whole seconds, at least 1 and at most one day. The same value is
///   also enforced as an overall deadline with a timer of our own, because `timeoutIntervalForResource` is ignored
///   on Linux; whichever fires first ends the call with ``TransportFailure/timedOut``.
/// - Cancellation: when the calling task is cancelled, the call returns `CancellationError` at once and the transfer
///   is left to finish or time out in the background. `URLSessionTask.cancel()` is never called, because on
///   Linux it can crash the process, and `URLSession.data(for:)` is not used, because cancelling it can deadlock
///   (swift-corelibs-foundation#5412).
/// - TLS: certificates are always validated by the platform; the transport has no option to turn that off.
public struct URLSessionTransport: HTTPTransport {
    /// The longest timeout honoured (a day); longer ones are cut to this, since libcurl multiplies the timeout into
    /// an integer number of milliseconds.
    public static let maximumTimeout: Duration = .seconds(86_400)

    /// The default ``maximumResponseBytes``: 10 MiB, far above any payment API answer.
    public static let defaultMaximumResponseBytes = 10 * 1024 * 1024

    /// One transport shared by every client that is not given its own, so that connections are reused across
    /// clients.
    public static let shared = URLSessionTransport()

    /// The session requests are sent with.
    public let session: URLSession
    /// The largest response body accepted, in bytes; a larger one fails the call with
    /// ``TransportFailure/responseTooLarge(limit:)``.
    public let maximumResponseBytes: Int
    private let owner: SessionOwner?
    /// Routes the session's delegate callbacks to their calls; `nil` for a session of the caller's.
    private let router: TaskRouter?
    /// Enforces every call's overall deadline from one timer.
    private let deadlines = DeadlineScheduler()

    /// Creates a transport with its own session, which it invalidates (after running transfers finish) when the
    /// last copy of the transport is gone.
    ///
    /// - Parameters:
    ///   - configuration: the session configuration; ``defaultConfiguration()`` by default.
    ///   - maximumResponseBytes: the largest response body accepted, in bytes (at least 1); received bodies are
    ///     counted as they arrive, so no more than this is ever held in memory for one call.
    public init(
        configuration: URLSessionConfiguration = URLSessionTransport.defaultConfiguration(),
        maximumResponseBytes: Int = URLSessionTransport.defaultMaximumResponseBytes
    ) {
        let router = TaskRouter()
        let session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
        self.session = session
        self.maximumResponseBytes = max(1, maximumResponseBytes)
        self.owner = SessionOwner(session: session)
        self.router = router
    }

    /// Creates a transport that sends with a session the caller owns and invalidates.
    ///
    /// URLSession buffers each body in full before handing it over, so ``maximumResponseBytes`` is checked only
    /// then: prefer ``init(configuration:maximumResponseBytes:)`` where memory must stay bounded.
    public init(session: URLSession, maximumResponseBytes: Int = URLSessionTransport.defaultMaximumResponseBytes) {
        self.session = session
        self.maximumResponseBytes = max(1, maximumResponseBytes)
        self.owner = nil
        self.router = nil
    }

    /// The overall deadlines of calls still running; zero once every call has ended, so a finished call leaves
    /// nothing behind.
    package var pendingDeadlineCount: Int { deadlines.pendingCount }

    /// An ephemeral configuration without cookies or a response cache: payment APIs authenticate with keys, and a
    /// cached or cookie-carrying answer about money would be wrong.
    public static func defaultConfiguration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return configuration
    }

    /// The timeout actually applied for a requested one: rounded up to whole seconds, between 1 and
    /// ``maximumTimeout``; a zero or negative request gets 1.
    public static func effectiveTimeout(_ requested: Duration) -> Duration {
        guard requested >= .seconds(1) else { return .seconds(1) }
        let (seconds, attoseconds) = min(requested, maximumTimeout).components
        return .seconds(attoseconds > 0 ? seconds + 1 : seconds)
    }

    /// Sends the request and returns the response, whatever its status.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled (the transfer may still complete in the
    ///   background); otherwise ``PaymentError`` of kind ``PaymentError/Kind/transport`` when no usable HTTP
    ///   response arrived (including ``TransportFailure/responseTooLarge(limit:)``). It names the failure, the
    ///   platform's error code, the scheme, host, port and path; query values, user-info and headers are never
    ///   included.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        try Task.checkCancellation()
        let effectiveTimeout = Self.effectiveTimeout(request.timeout)
        let timeout = effectiveTimeout.timeInterval
        let urlRequest = Self.urlRequest(for: request, timeout: timeout)
        let limit = maximumResponseBytes
        let exchange = Exchange(limit: limit, deadlines: deadlines) { failure, detail, underlying in
            Self.error(failure, detail: detail, underlying: underlying, request)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard exchange.start(continuation) else { return }
                // Cancelled when the call ends, which releases this call's request and continuation at once instead
                // of holding them for the whole timeout.
                let deadline = deadlines.schedule(after: effectiveTimeout) {
                    exchange.fail(.timedOut, detail: "overall deadline of \(Int(timeout)) s")
                }
                exchange.keep(deadline)
                let task: URLSessionDataTask
                if let router {
                    task = session.dataTask(with: urlRequest)
                    router.register(exchange, for: task.taskIdentifier)
                } else {
                    task = session.dataTask(with: urlRequest) { data, response, error in
                        exchange.complete(data: data, response: response, error: error)
                    }
                    task.delegate = RedirectRefusal.shared
                }
                task.resume()
            }
        } onCancel: {
            exchange.finish(.failure(CancellationError()))
        }
    }

    private static func urlRequest(for request: TransportRequest, timeout: TimeInterval) -> URLRequest {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.headers.contains("Accept") {
            urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        }
        if !request.headers.contains("User-Agent") {
            urlRequest.setValue(CryptoPayVersion.userAgent, forHTTPHeaderField: "User-Agent")
        }
        urlRequest.httpBody = request.body
        return urlRequest
    }

    /// The error for a request that got no usable response. Only the scheme, host, port and path are kept: a query
    /// value or user-info may be a credential, so neither reaches the error.
    private static func error(
        _ failure: TransportFailure,
        detail: String,
        underlying: String?,
        _ request: TransportRequest
    ) -> PaymentError {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        var origin = Redactor.placeholder
        if let components, let host = components.host {
            origin = (components.scheme.map { $0 + "://" } ?? "") + host + (components.port.map { ":\($0)" } ?? "")
        }
        let path = components?.percentEncodedPath ?? ""
        return PaymentError.transport(
            failure,
            message: "\(failure) (\(origin), \(detail))",
            request: PaymentError.RequestSummary(method: request.method.rawValue, path: path.isEmpty ? "/" : path),
            underlyingDescription: underlying
        )
    }
}

/// One call's state: resumes the caller exactly once, whichever comes first — the transfer's completion, a body
/// over the limit, the caller's cancellation or the overall deadline — and collects the body up to the limit. The
/// later events find nothing to resume, and body pieces arriving after the end are dropped.
private final class Exchange: @unchecked Sendable {
    /// Builds the error for a failure, a detail for the message and the platform error's description, if any.
    typealias Failure = @Sendable (TransportFailure, String, String?) -> PaymentError

    private let limit: Int
    private let deadlines: DeadlineScheduler
    private let failure: Failure
    // Guards every stored property below.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<TransportResponse, any Error>?
    private var deadline: DeadlineScheduler.Token?
    private var finished = false
    private var response: HTTPURLResponse?
    private var body = Data()

    init(limit: Int, deadlines: DeadlineScheduler, failure: @escaping Failure) {
        self.limit = limit
        self.deadlines = deadlines
        self.failure = failure
    }

    /// Installs the continuation; returns false, having resumed it with `CancellationError`, when cancellation
    /// already finished the exchange, so no transfer should start.
    func start(_ continuation: CheckedContinuation<TransportResponse, any Error>) -> Bool {
        let alreadyFinished = lock.withLock {
            guard !finished else { return true }
            self.continuation = continuation
            return false
        }
        if alreadyFinished {
            continuation.resume(throwing: CancellationError())
        }
        return !alreadyFinished
    }

    /// Keeps the call's deadline, to cancel it when the call ends; cancels it at once when the call already ended.
    func keep(_ deadline: DeadlineScheduler.Token) {
        let alreadyFinished = lock.withLock {
            guard !finished else { return true }
            self.deadline = deadline
            return false
        }
        if alreadyFinished { deadlines.cancel(deadline) }
    }

    /// Records the response head; fails the call at once when `Content-Length` announces more than the limit.
    func received(_ response: URLResponse) {
        let http = response as? HTTPURLResponse
        let announced = http?.value(forHTTPHeaderField: "Content-Length").flatMap { Int($0) }
        let tooLarge = lock.withLock {
            guard !finished else { return false }
            self.response = http
            return (announced ?? 0) > limit
        }
        if tooLarge { fail(.responseTooLarge(limit: limit), detail: "Content-Length \(announced ?? 0)") }
    }

    /// Appends a piece of the body; fails the call once the body passes the limit.
    func received(_ data: Data) {
        let tooLarge = lock.withLock {
            guard !finished else { return false }
            guard body.count + data.count <= limit else { return true }
            body.append(data)
            return false
        }
        if tooLarge { fail(.responseTooLarge(limit: limit), detail: "body over \(limit) bytes") }
    }

    /// Ends the call with the transfer's outcome: the response and the body collected piece by piece.
    func completed(error: (any Error)?, response: URLResponse?) {
        let collected: (HTTPURLResponse?, Data) = lock.withLock { (self.response, body) }
        finish(result(data: collected.1, response: collected.0 ?? response, error: error))
    }

    /// Ends the call with what a completion handler received (a session of the caller's), checking the limit.
    func complete(data: Data?, response: URLResponse?, error: (any Error)?) {
        if error == nil, let data, data.count > limit {
            fail(.responseTooLarge(limit: limit), detail: "body of \(data.count) bytes")
            return
        }
        finish(result(data: data ?? Data(), response: response, error: error))
    }

    /// Ends the call with a transport failure.
    func fail(_ transportFailure: TransportFailure, detail: String) {
        finish(.failure(failure(transportFailure, detail, nil)))
    }

    func finish(_ result: Result<TransportResponse, any Error>) {
        let pending = lock.withLock {
            () -> (CheckedContinuation<TransportResponse, any Error>?, DeadlineScheduler.Token?) in
            guard !finished else { return (nil, nil) }
            finished = true
            // The rest of the transfer, if any, is read and dropped: nothing more is kept for this call.
            body = Data()
            defer {
                continuation = nil
                deadline = nil
            }
            return (continuation, deadline)
        }
        // Resumed outside the lock: resuming runs no caller code synchronously, but holding a lock across it is
        // needless.
        if let deadline = pending.1 { deadlines.cancel(deadline) }
        pending.0?.resume(with: result)
    }

    private func result(data: Data, response: URLResponse?, error: (any Error)?) -> Result<TransportResponse, any Error>
    {
        if let error {
            let nsError = error as NSError
            // The localized description only: the error's user info holds the failing URL, query and all.
            let underlying = "\(nsError.domain) \(nsError.code): \(nsError.localizedDescription)"
            return .failure(failure(TransportFailure(urlError: error), "\(nsError.domain) \(nsError.code)", underlying))
        }
        guard let response = response as? HTTPURLResponse else {
            return .failure(failure(.other(code: NSURLErrorBadServerResponse), "no HTTP response", nil))
        }
        var headers = HeaderFields()
        // `allHeaderFields` is a dictionary; sorting makes the order stable from one run to the next.
        let fields = response.allHeaderFields.compactMap { name, value -> (String, String)? in
            guard let name = name as? String, let value = value as? String else { return nil }
            return (name, value)
        }
        for (name, value) in fields.sorted(by: { $0.0 < $1.0 }) {
            headers.add(name: name, value: value)
        }
        return .success(TransportResponse(statusCode: response.statusCode, headers: headers, body: data))
    }
}

/// The delegate of the sessions the transport creates: hands each task's response head, body pieces and completion
/// to its ``Exchange``, and refuses every redirect. Tasks are registered before they start and forgotten when they
/// complete, so a transfer that outlives its call (cancelled, timed out, too large) still finds its exchange, which
/// drops what arrives.
private final class TaskRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // Guards `exchanges`.
    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]

    func register(_ exchange: Exchange, for task: Int) {
        lock.withLock { exchanges[task] = exchange }
    }

    private func exchange(for task: URLSessionTask, removing: Bool = false) -> Exchange? {
        lock.withLock { removing ? exchanges.removeValue(forKey: task.taskIdentifier) : exchanges[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        exchange(for: dataTask)?.received(response)
        // Always allow: cancelling the task from here is `URLSessionTask.cancel()` underneath, which can crash on
        // Linux. An oversized body is dropped piece by piece instead.
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        exchange(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        exchange(for: task, removing: true)?.completed(error: error, response: task.response)
    }

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// Answers every redirect with "do not follow", so the 3xx response itself is delivered.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    static let shared = RedirectRefusal()

    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// Invalidates a session the transport created, once no copy of the transport refers to it.
private final class SessionOwner: Sendable {
    let session: URLSession

    init(session: URLSession) {
        self.session = session
    }

    deinit {
        session.finishTasksAndInvalidate()
    }
}
