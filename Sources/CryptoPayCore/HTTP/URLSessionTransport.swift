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
/// - Timeouts: libcurl truncates `timeoutInterval` to whole seconds (0.5 s would fail after a few milliseconds), so
///   ``TransportRequest/timeout`` is rounded *up* to whole seconds, at least 1 and at most one day. The same value is
///   also enforced as an overall deadline with a timer of our own, because `timeoutIntervalForResource` is ignored
///   on Linux; whichever fires first ends the call with ``TransportFailure/timedOut``.
/// - Cancellation: when the calling task is cancelled, the call returns `CancellationError` at once and the transfer
///   is left to finish or time out in the background. `URLSessionTask.cancel()` is never called, because on
///   Linux it can crash the process, and `URLSession.data(for:)` is not used, because cancelling it can deadlock
///   (swift-corelibs-foundation#5412).
public struct URLSessionTransport: HTTPTransport {
    /// The longest timeout honoured, in seconds; longer ones (and infinity) are cut to this, since libcurl
    /// multiplies the timeout into an integer number of milliseconds.
    public static let maximumTimeout: TimeInterval = 86_400

    /// One transport shared by every client that is not given its own, so that connections are reused across
    /// clients.
    public static let shared = URLSessionTransport()

    /// The session requests are sent with.
    public let session: URLSession
    private let owner: SessionOwner?
    /// One timer for the overall deadlines of all of this transport's calls.
    private let deadlines = DeadlineTimer()

    /// Creates a transport with its own session, which it invalidates (after running transfers finish) when the
    /// last copy of the transport is gone.
    public init(configuration: URLSessionConfiguration = URLSessionTransport.defaultConfiguration()) {
        let session = URLSession(configuration: configuration)
        self.session = session
        self.owner = SessionOwner(session: session)
    }

    /// Creates a transport that sends with a session the caller owns and invalidates.
    public init(session: URLSession) {
        self.session = session
        self.owner = nil
    }

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
    /// ``maximumTimeout``; a negative or NaN request gets 1.
    public static func effectiveTimeout(_ requested: TimeInterval) -> TimeInterval {
        guard requested >= 1 else { return 1 }
        return min(requested.rounded(.up), maximumTimeout)
    }

    /// Sends the request and returns the response, whatever its status.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled (the transfer may still complete in the
    ///   background); otherwise ``PaymentError`` of kind ``PaymentError/Kind/transport`` when no HTTP response
    ///   arrived. It names the failure, the platform's error code, the scheme, host, port and path; query values,
    ///   user-info and headers are never included.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        try Task.checkCancellation()
        let timeout = Self.effectiveTimeout(request.timeout)
        let urlRequest = Self.urlRequest(for: request, timeout: timeout)
        let exchange = Exchange()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard exchange.start(continuation) else { return }
                // The transport's shared deadline timer, not `asyncAfter` and not a timer source per call: finishing
                // cancels the entry, which releases this call's request and continuation at once, and nothing
                // passes through Dispatch's timer thread per call.
                exchange.attach(
                    deadlines.schedule(after: timeout) {
                        exchange.finish(
                            .failure(Self.error(.timedOut, detail: "overall deadline of \(Int(timeout)) s", request)))
                    }
                )
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    exchange.finish(Self.result(data: data, response: response, error: error, request: request))
                }
                task.delegate = RedirectRefusal.shared
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

    private static func result(
        data: Data?,
        response: URLResponse?,
        error: (any Error)?,
        request: TransportRequest
    ) -> Result<TransportResponse, any Error> {
        if let error {
            let nsError = error as NSError
            return .failure(
                Self.error(TransportFailure(urlError: error), detail: "\(nsError.domain) \(nsError.code)", request)
            )
        }
        guard let response = response as? HTTPURLResponse else {
            return .failure(Self.error(.other(code: NSURLErrorBadServerResponse), detail: "no HTTP response", request))
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
        return .success(TransportResponse(statusCode: response.statusCode, headers: headers, body: data ?? Data()))
    }

    /// The error for a request that got no response. Only the scheme, host, port and path are kept: a query value
    /// or user-info may be a credential, so neither reaches the error.
    private static func error(_ failure: TransportFailure, detail: String, _ request: TransportRequest) -> PaymentError
    {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        var origin = Redactor.placeholder
        if let components, let host = components.host {
            origin = (components.scheme.map { $0 + "://" } ?? "") + host + (components.port.map { ":\($0)" } ?? "")
        }
        let path = components?.percentEncodedPath ?? ""
        return PaymentError.transport(
            failure,
            message: "\(failure) (\(origin), \(detail))",
            request: PaymentError.RequestSummary(method: request.method.rawValue, path: path.isEmpty ? "/" : path)
        )
    }
}

/// Resumes the caller exactly once, whichever comes first: the transfer's completion, the caller's cancellation or
/// the overall deadline. The later ones find nothing to resume.
private final class Exchange: @unchecked Sendable {
    // Guards every stored property below.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<TransportResponse, any Error>?
    private var deadline: DeadlineTimer.Token?
    private var finished = false

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

    /// Keeps the deadline to cancel when the exchange finishes; cancels it at once if it already has.
    func attach(_ token: DeadlineTimer.Token) {
        let alreadyFinished = lock.withLock {
            guard !finished else { return true }
            deadline = token
            return false
        }
        if alreadyFinished { token.cancel() }
    }

    func finish(_ result: Result<TransportResponse, any Error>) {
        let pending = lock.withLock {
            () -> (CheckedContinuation<TransportResponse, any Error>?, DeadlineTimer.Token?) in
            guard !finished else { return (nil, nil) }
            finished = true
            defer {
                continuation = nil
                deadline = nil
            }
            return (continuation, deadline)
        }
        // Resumed outside the lock: resuming runs no caller code synchronously, but holding a lock across it is
        // needless.
        pending.1?.cancel()
        pending.0?.resume(with: result)
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
