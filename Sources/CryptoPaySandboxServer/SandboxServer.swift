import CryptoPayCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Every simulated provider behind one local HTTP/1.1 server, for developing a merchant's own server against it:
/// each provider's documented API under `/<provider>` (`http://127.0.0.1:PORT/usegateway/v1/payments`), a control
/// API under `/_sandbox/` that pays or expires checkouts and sets faults, and webhook delivery to the merchant's
/// URLs with retries. Start it with ``init(configuration:log:)``; ``stop(grace:)`` ends it.
public final class SandboxServer: @unchecked Sendable {
    /// The address the server listens on, `http://HOST:PORT`.
    public var url: URL {
        var components = URLComponents()
        components.scheme = "http"
        components.host = configuration.host
        components.port = port
        return components.url ?? URL(fileURLWithPath: "/")
    }
    /// The port listened on.
    public var port: Int { socket.port }

    let sandbox: SandboxTransport
    let faults = FaultBook()
    let dispatcher: WebhookDispatcher
    let configuration: SandboxServerConfiguration
    private let clock: ReplayClock
    private let stateFile: SandboxStateFile?
    // Guards `journal`; also serialises its writes so the file always holds the latest journal.
    private let journalLock = NSLock()
    private var journal: SandboxJournal
    private let socket: SocketHTTPServer

    /// Replays the state file (if any), binds the address and starts serving.
    ///
    /// - Parameters:
    ///   - configuration: the address, webhook URLs, state file and delivery settings.
    ///   - log: receives one line per webhook delivery attempt (and per abandoned delivery at shutdown).
    /// - Throws: `PaymentError` of kind `invalidRequest` for a state file that is not a sandbox journal;
    ///   ``SocketHTTPServer/SocketError`` when the address cannot be bound.
    public init(
        configuration: SandboxServerConfiguration = SandboxServerConfiguration(),
        log: @escaping @Sendable (String) -> Void
    ) throws {
        self.configuration = configuration
        let clock = ReplayClock()
        self.clock = clock
        sandbox = SandboxTransport(clock: WaitClock(now: { clock.now }, sleep: { try await Task.sleep(for: $0) }))
        var delivery = WebhookDispatcher.Settings()
        delivery.urls = configuration.webhookURLs
        delivery.maximumAttempts = configuration.maximumDeliveryAttempts
        delivery.baseDelay = configuration.retryBaseDelay
        delivery.timeout = configuration.deliveryTimeout
        delivery.duplicate = configuration.duplicateWebhooks
        let session = URLSessionTransport.defaultConfiguration()
        session.timeoutIntervalForRequest = max(1, configuration.deliveryTimeout.timeInterval)
        dispatcher = WebhookDispatcher(
            settings: delivery, transport: URLSessionTransport(configuration: session), log: log)
        stateFile = configuration.stateFile.map(SandboxStateFile.init(url:))
        journal = try stateFile?.read() ?? SandboxJournal()
        let router = Router()
        socket = try SocketHTTPServer(
            host: configuration.host, port: configuration.port, limits: configuration.limits,
            handler: { router.answer($0) })
        replay(journal)
        router.server = self
    }

    /// The base URL to configure a provider's client with: the server's URL, the provider's prefix and the
    /// provider's documented base path (`http://127.0.0.1:PORT/usegateway/v1`).
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a provider the sandbox does not simulate.
    public func baseURL(for provider: ProviderID) throws -> URL {
        let documented = try sandbox.baseURL(for: provider)
        return url.appendingPathComponent(provider.rawValue + documented.path)
    }

    /// The providers served.
    public var providers: [ProviderID] { sandbox.providers }

    /// The environment variables `cryptopay call`, `cryptopay webhook verify` and the `cryptopay sandbox` control
    /// commands read, with the values that reach this server: base URLs, the sandbox credentials and webhook
    /// secrets, and `CRYPTOPAY_SANDBOX_URL`.
    public var environment: [(name: String, value: String)] {
        func base(_ provider: ProviderID) -> String { (try? baseURL(for: provider).absoluteString) ?? "" }
        let useGateway = SandboxCredentials.useGateway
        let storeGateway = SandboxCredentials.storeGateway
        let usdtInvoice = SandboxCredentials.usdtInvoice
        let openPOS = SandboxCredentials.openPOS
        return [
            ("CRYPTOPAY_SANDBOX_URL", url.absoluteString),
            ("USEGATEWAY_BASE_URL", base(.useGateway)),
            ("USEGATEWAY_API_KEY", useGateway.apiKey),
            ("USEGATEWAY_WEBHOOK_SECRET", useGateway.webhookSecret),
            ("STOREGATEWAY_BASE_URL", base(.storeGateway)),
            ("STOREGATEWAY_API_KEY", storeGateway.apiKey),
            ("STOREGATEWAY_API_SECRET", storeGateway.apiSecret),
            ("STOREGATEWAY_WEBHOOK_SECRET", storeGateway.webhookSecret),
            ("USDTINVOICE_BASE_URL", base(.usdtInvoice)),
            ("USDTINVOICE_API_KEY", usdtInvoice.apiKey),
            ("USDTINVOICE_WEBHOOK_SECRET", usdtInvoice.webhookSecret),
            ("ONEXGATE_BASE_URL", base(.oneXGate)),
            ("ONEXGATE_API_KEY", SandboxCredentials.oneXGate.apiKey),
            ("OPENPOS_BASE_URL", base(.openPOS)),
            ("OPENPOS_USERNAME", openPOS.username),
            ("OPENPOS_API_KEY", openPOS.apiKey),
            ("OPENPOS_POS_ID", "POS1"),
        ]
    }

    /// Stops accepting requests, gives deliveries in flight up to `grace`, logs those abandoned, and closes
    /// every connection.
    public func stop(grace: Duration = .seconds(2)) {
        socket.stop()
        dispatcher.finish(grace: grace)
    }

    // MARK: Requests

    fileprivate func answer(_ request: WireRequest) -> ServerAnswer {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let first = segments.first else { return .respond(Self.json(404, ["error": "unknown path"])) }
        if first == "_sandbox" { return .respond(control(request, segments: Array(segments.dropFirst()))) }
        guard let provider = providers.first(where: { $0.rawValue == first }) else {
            return .respond(
                Self.json(
                    404,
                    [
                        "error": .string("unknown path \(request.path)"),
                        "providers": .array(providers.map { .string("/\($0.rawValue)") }),
                    ]))
        }
        if let fault = faults.take(provider, now: Date()) { return answer(fault) }
        return .respond(forward(request, to: provider))
    }

    private func answer(_ fault: SandboxFaultKind) -> ServerAnswer {
        let body: JSONValue = ["error": .string("sandbox fault \(fault.rawValue)")]
        switch fault {
        case .serverError: return .respond(Self.json(500, body))
        case .unavailable: return .respond(Self.json(503, body, headers: ["Retry-After": "1"]))
        case .rateLimited: return .respond(Self.json(429, body, headers: ["Retry-After": "1"]))
        case .timeout: return .hold(configuration.faultHold)
        case .drop: return .drop
        }
    }

    /// Hands the request to the provider's simulator at its in-process URL and records it when it can change state.
    private func forward(_ request: WireRequest, to provider: ProviderID) -> TransportResponse {
        let prefix = "/" + provider.rawValue
        let rest = String(request.target.dropFirst(prefix.count))
        guard let url = inProcessURL(provider, target: rest.isEmpty ? "/" : rest) else {
            return Self.json(400, ["error": .string("the request target is not a valid URL path")])
        }
        let method = RequestMethod(rawValue: request.method)
        let at = Date()
        let transportRequest = TransportRequest(
            method: method, url: url, headers: request.headers, body: request.body.isEmpty ? nil : request.body)
        let response: TransportResponse
        let webhooks: [WebhookRequest]
        do {
            (response, webhooks) = try clock.at(at) { try sandbox.answerWithWebhooks(transportRequest) }
        } catch {
            return Self.json(502, ["error": .string("\(error)")])
        }
        if Self.canChangeState(method: method, path: String(rest.prefix { $0 != "?" }), provider: provider) {
            record(
                SandboxJournal.Entry(
                    kind: "request", provider: provider.rawValue, at: at, method: request.method,
                    target: String(rest), headers: request.headers.map { [$0.name, $0.value] },
                    body: request.body.isEmpty ? nil : request.body))
        }
        dispatcher.deliver(webhooks.map { WebhookIdentity.assign($0, provider: provider) })
        return response
    }

    /// The POS API changes state with GET requests to its action endpoints (GetRate issues the payment id);
    /// every other provider only with other methods. Reads stay out of the journal so that polling does not grow it.
    private static func canChangeState(method: RequestMethod, path: String, provider: ProviderID) -> Bool {
        guard provider == .openPOS else { return method != .get }
        let action = path.split(separator: "/").last.map(String.init) ?? ""
        return ["GetRate", "StartPayment", "CancelPayment", "AcceptPayment", "RefundPayment"].contains(action)
    }

    /// The simulator's own URL for a request target below the provider's prefix (`/v1/payments/?page=2`).
    private func inProcessURL(_ provider: ProviderID, target: String) -> URL? {
        guard let documented = try? sandbox.baseURL(for: provider), let scheme = documented.scheme,
            let host = documented.host
        else { return nil }
        return URL(string: "\(scheme)://\(host)\(target)")
    }

    // MARK: Payments and webhooks

    /// Pays or expires a checkout and starts delivering the webhooks it produced; returns their descriptions.
    func change(_ entry: SandboxJournal.Entry) throws -> [JSONValue] {
        let provider = ProviderID(rawValue: entry.provider)
        let webhooks = try clock.at(entry.at) { try apply(entry) }
        record(entry)
        let deliveries = webhooks.map { WebhookIdentity.assign($0, provider: provider) }
        dispatcher.deliver(deliveries)
        return deliveries.map { delivery in
            [
                "delivery": .string(delivery.id), "event": .string(delivery.event),
                "headers": .array(delivery.webhook.headers.map { [.string($0.name), .string($0.value)] }),
                "body": .string(String(decoding: delivery.webhook.body, as: UTF8.self)),
            ]
        }
    }

    private func apply(_ entry: SandboxJournal.Entry) throws -> [WebhookRequest] {
        let provider = ProviderID(rawValue: entry.provider)
        switch entry.kind {
        case "pay":
            return try sandbox.pay(provider, id: entry.id ?? "", try Self.payment(entry))
        case "expire":
            return try sandbox.expire(provider, id: entry.id ?? "")
        default:
            guard let method = entry.method, let target = entry.target,
                let url = inProcessURL(provider, target: target)
            else { return [] }
            var headers = HeaderFields()
            for pair in entry.headers ?? [] where pair.count == 2 { headers.add(name: pair[0], value: pair[1]) }
            _ = try sandbox.answerWithWebhooks(
                TransportRequest(method: RequestMethod(rawValue: method), url: url, headers: headers, body: entry.body))
            return []
        }
    }

    private static func payment(_ entry: SandboxJournal.Entry) throws -> SandboxPayment {
        guard let mode = entry.payment, mode != "full" else { return .full }
        guard let text = entry.amount, let amount = DecimalText.parse(text), amount > 0 else {
            throw PaymentError.invalidRequest("the amount must be a positive decimal number, such as 12.5")
        }
        switch mode {
        case "exactly": return .exactly(amount)
        case "adding": return .adding(amount)
        default: throw PaymentError.invalidRequest("unknown payment \(mode); use full, exactly or adding")
        }
    }

    // MARK: State

    private func replay(_ journal: SandboxJournal) {
        for entry in journal.entries {
            _ = try? clock.at(entry.at) { try apply(entry) }
        }
    }

    private func record(_ entry: SandboxJournal.Entry) {
        journalLock.withLock {
            journal.entries.append(entry)
            guard let stateFile else { return }
            do {
                try stateFile.write(journal)
            } catch {
                dispatcher.note("state not saved to \(stateFile.url.path): \(error)")
            }
        }
    }

    static func json(_ status: Int, _ value: JSONValue, headers: HeaderFields = [:]) -> TransportResponse {
        var fields: HeaderFields = ["Content-Type": "application/json"]
        for field in headers { fields[field.name] = field.value }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let body = (try? encoder.encode(value)) ?? Data("null".utf8)
        return TransportResponse(statusCode: status, headers: fields, body: body + Data("\n".utf8))
    }
}

/// The simulators' clock: the wall clock, except while a journal entry is replayed at its recorded time.
final class ReplayClock: @unchecked Sendable {
    // Guards `fixed`.
    private let lock = NSLock()
    // Held while a body runs at a stopped time.
    private let exclusive = NSLock()
    private var fixed: Date?

    var now: Date { lock.withLock { fixed } ?? Date() }

    /// Runs `body` with the clock stopped at `date`, so that a change and its replay see the same time. One body at a
    /// time: the simulators run one request at a time anyway, and a second request must not move the clock under
    /// the first.
    func at<T>(_ date: Date, _ body: () throws -> T) rethrows -> T {
        exclusive.lock()
        defer { exclusive.unlock() }
        lock.withLock { fixed = date }
        defer { lock.withLock { fixed = nil } }
        return try body()
    }
}

/// Hands the socket server's requests to the sandbox server, which exists only once the socket is bound; a request
/// in that moment gets 503.
private final class Router: @unchecked Sendable {
    // Guards `target`.
    private let lock = NSLock()
    private weak var target: SandboxServer?

    var server: SandboxServer? {
        get { lock.withLock { target } }
        set { lock.withLock { target = newValue } }
    }

    func answer(_ request: WireRequest) -> ServerAnswer {
        guard let server else {
            return .respond(SandboxServer.json(503, ["error": "the sandbox server is starting or stopping"]))
        }
        return server.answer(request)
    }
}
