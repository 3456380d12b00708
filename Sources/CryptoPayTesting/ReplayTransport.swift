import CryptoPayCore
import Foundation

/// An `HTTPTransport` that answers from a script of canned responses and records every request it receives.
///
/// Responses are taken from routes (method + path) when one matches, otherwise from the queue in order. Nothing
/// touches the network, so tests of provider clients run offline and check both directions: what was sent
/// (``requests``) and what was decoded.
///
/// ```swift
/// let transport = ReplayTransport()
/// try transport.enqueue(fixture: "UseGateway/payments_create.json", status: 201)
/// let client = try UseGatewayClient(apiKey: "test", configuration: .init(transport: transport))
/// ```
public final class ReplayTransport: HTTPTransport, @unchecked Sendable {
    /// One scripted answer: a response or a failure.
    public enum Reply: Sendable {
        /// Answer with this response.
        case response(TransportResponse)
        /// Fail as a transport would when no response arrives.
        case failure(TransportFailure)
    }

    private let lock = NSLock()
    private var queue: [Reply] = []
    private var routes: [(method: RequestMethod, path: String, reply: Reply)] = []
    private var recorded: [RecordedRequest] = []

    /// Creates a transport with an empty script.
    public init() {}

    /// Queues a reply for the next request that no route matches.
    public func enqueue(_ reply: Reply) {
        lock.withLock { queue.append(reply) }
    }

    /// Queues a response with a JSON body given as text.
    public func enqueue(status: Int = 200, json: String, headers: HeaderFields = ["Content-Type": "application/json"]) {
        enqueue(.response(TransportResponse(statusCode: status, headers: headers, body: Data(json.utf8))))
    }

    /// Queues a response whose body is a file under `Fixtures/`.
    ///
    /// - Throws: ``FixtureError`` when the fixture cannot be read.
    public func enqueue(
        fixture path: String,
        status: Int = 200,
        headers: HeaderFields = ["Content-Type": "application/json"]
    ) throws {
        enqueue(.response(TransportResponse(statusCode: status, headers: headers, body: try Fixtures.data(path))))
    }

    /// Answers every request with this method and URL path (as sent, percent-encoding and any trailing slash kept,
    /// without the query) with `reply`, instead of the queue.
    public func route(_ method: RequestMethod, _ path: String, reply: Reply) {
        lock.withLock { routes.append((method, path, reply)) }
    }

    /// Answers every request with this method and URL path with the file under `Fixtures/`, as ``route(_:_:reply:)``
    /// does: a provider that keeps answering the same thing however often it is asked.
    ///
    /// - Throws: ``FixtureError`` when the fixture cannot be read.
    public func route(
        _ method: RequestMethod,
        _ path: String,
        fixture: String,
        status: Int = 200,
        headers: HeaderFields = ["Content-Type": "application/json"]
    ) throws {
        let response = TransportResponse(statusCode: status, headers: headers, body: try Fixtures.data(fixture))
        route(method, path, reply: .response(response))
    }

    /// Every request received so far, in order.
    public var requests: [RecordedRequest] {
        lock.withLock { recorded }
    }

    /// The last request received.
    ///
    /// - Throws: ``FixtureError`` when no request was received.
    public func lastRequest() throws -> RecordedRequest {
        guard let last = requests.last else { throw FixtureError(message: "no request was sent") }
        return last
    }

    /// The `PaymentError.providerCode` of the error thrown for a request the script has no reply for.
    public static let unscriptedRequestCode = "ReplayTransport.unscriptedRequest"

    /// The number of queued replies not yet used.
    public var pendingReplies: Int {
        lock.withLock { queue.count }
    }

    /// Records the request and returns the matching scripted reply.
    ///
    /// - Throws: the scripted `PaymentError` of kind `transport` for a failure reply, or, when the script has no
    ///   reply left (a test that sends more than it scripted), ``ReplayTransport/unscriptedRequestCode`` as an
    ///   `invalidRequest` error: not a transport failure, so no retry policy waits and resends it.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        let reply: Reply? = lock.withLock {
            recorded.append(RecordedRequest(request))
            // `URL.path` drops a trailing slash, which some providers' routes depend on (`/GetRate/`).
            let path = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
            if let route = routes.first(where: { $0.method == request.method && $0.path == path }) {
                return route.reply
            }
            return queue.isEmpty ? nil : queue.removeFirst()
        }
        switch reply {
        case .response(let response):
            return response
        case .failure(let failure):
            throw PaymentError.transport(failure, message: "scripted \(failure)")
        case nil:
            throw PaymentError(
                .invalidRequest,
                message: "ReplayTransport has no reply scripted for \(request.method) \(request.url.path)",
                providerCode: Self.unscriptedRequestCode
            )
        }
    }
}
