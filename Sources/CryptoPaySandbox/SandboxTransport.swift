import Foundation

/// Every provider's API, simulated in process with state: an `HTTPTransport` to give a provider client instead of
/// the network, for demos and for integration tests of your own checkout code.
///
/// ```swift
/// let sandbox = SandboxTransport()
/// let client = try UseGatewayClient(
///     apiKey: SandboxCredentials.useGateway.apiKey,
///     configuration: ClientConfiguration(baseURL: sandbox.baseURL(for: .useGateway), transport: sandbox))
/// let payment = try await client.payments.create(parameters)        // stored by the sandbox
/// let deliveries = try sandbox.pay(.useGateway, id: payment.id)     // advances it, returns the signed webhooks
/// let verified = try await UseGatewayWebhook(secret: SandboxCredentials.useGateway.webhookSecret)
///     .verify(deliveries[0])
/// ```
///
/// Each simulated provider accepts the requests its document describes (method, path, authentication, body fields),
/// answers wrong credentials with the provider's own 401 body and unknown ids with its 404, stores what is created,
/// and answers with bodies shaped like the document's. ``pay(_:id:_:)`` and ``expire(_:id:)`` move a payment on and
/// return the webhooks the provider would send, signed as it signs them (Svix for UseGateway, an HMAC header for the
/// Store Gateway and the USDT invoice API, unsigned for 1xGate and the POS API, whose verification then succeeds only
/// by looking the payment up in this same sandbox). Requests for hosts it does not simulate get a transport error.
///
/// Safe to share across tasks: every request and every control call takes a lock.
public final class SandboxTransport: HTTPTransport, @unchecked Sendable {
    // Guards every simulator's state: simulators are only called with it held.
    private let lock = NSLock()
    private let simulators: [ProviderID: any ProviderSimulator]
    private let clock: WaitClock

    /// Creates a sandbox with empty state for every provider.
    ///
    /// - Parameter clock: the time for timestamps, expiry and webhook signatures (the sandbox never waits); a
    ///   `ManualClock`'s `waitClock` in tests.
    public init(clock: WaitClock = .system) {
        self.clock = clock
        let all: [any ProviderSimulator] = [
            UseGatewaySimulator(),
            StoreGatewaySimulator(),
            USDTInvoiceSimulator(),
            OneXGateSimulator(),
            OpenPOSSimulator(),
        ]
        var byID: [ProviderID: any ProviderSimulator] = [:]
        for simulator in all { byID[simulator.provider] = simulator }
        simulators = byID
    }

    /// The providers this sandbox simulates.
    public var providers: [ProviderID] {
        simulators.keys.sorted { $0.rawValue < $1.rawValue }
    }

    /// The base URL to configure a provider's client with, for example
    /// `https://usegateway.sandbox.cryptopay.invalid/v1`. Never resolved: requests stay in process.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a provider this sandbox does not simulate.
    public func baseURL(for provider: ProviderID) throws -> URL {
        try simulator(provider).baseURL
    }

    /// Answers the request as the simulated provider would.
    ///
    /// - Throws: `PaymentError` of kind `transport` (`hostNotFound`) for a host the sandbox does not simulate;
    ///   `CancellationError` when the task is already cancelled.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        try Task.checkCancellation()
        let simulator = try simulator(serving: request.url)
        let parsed = SandboxRequest(request, base: simulator.baseURL)
        let time = clock.now()
        return lock.withLock { simulator.handle(parsed, now: time) }
    }

    /// Answers the request as ``send(_:)`` does, without suspending (for a server answering on threads of its own),
    /// and also returns the webhooks the provider sends because the request changed a checkout's status: the USDT
    /// invoice API's own sandbox endpoint `simulate-payment`, or a payment it scheduled that came due.
    ///
    /// - Throws: `PaymentError` of kind `transport` (`hostNotFound`) for a host the sandbox does not simulate;
    ///   `PaymentError` of kind `invalidRequest` when a webhook cannot be signed.
    public func answerWithWebhooks(_ request: TransportRequest) throws -> (TransportResponse, [WebhookRequest]) {
        let simulator = try simulator(serving: request.url)
        let parsed = SandboxRequest(request, base: simulator.baseURL)
        let time = clock.now()
        return try lock.withLock {
            let before = Dictionary(simulator.checkouts().map { ($0.id, $0.status) }) { first, _ in first }
            let response = simulator.handle(parsed, now: time)
            var webhooks: [WebhookRequest] = []
            for checkout in simulator.checkouts() where before[checkout.id] != checkout.status {
                webhooks += try simulator.webhooks(afterChangeOf: checkout.id)
            }
            return (response, webhooks)
        }
    }

    /// Records a payment from the payer into the checkout `id` and returns the webhooks the provider sends for it.
    ///
    /// - Throws: `PaymentError` of kind `notFound` for an unknown id, `conflict` when the checkout can no longer
    ///   be paid (expired, cancelled, already paid), `invalidRequest` for a provider this sandbox does not simulate
    ///   or a payment that does not say what it means (``SandboxPayment/fraction(_:)`` with a fraction that is not
    ///   between 0 and 1, ``SandboxPayment/over(_:)`` with one that is not positive, a negative amount).
    @discardableResult
    public func pay(_ provider: ProviderID, id: String, _ payment: SandboxPayment = .full) throws -> [WebhookRequest] {
        try payment.validate()
        let simulator = try simulator(provider)
        let time = clock.now()
        return try lock.withLock { try simulator.pay(id: id, payment, now: time) }
    }

    /// Lets the checkout `id` run out of time and returns the webhooks the provider sends for it.
    ///
    /// - Throws: as ``pay(_:id:_:)``.
    @discardableResult
    public func expire(_ provider: ProviderID, id: String) throws -> [WebhookRequest] {
        let simulator = try simulator(provider)
        let time = clock.now()
        return try lock.withLock { try simulator.expire(id: id, now: time) }
    }

    /// Every checkout the provider's simulator stores, oldest first, with its status in the provider's words.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for a provider this sandbox does not simulate.
    public func checkouts(_ provider: ProviderID) throws -> [SandboxCheckout] {
        let simulator = try simulator(provider)
        return lock.withLock { simulator.checkouts() }
    }

    private func simulator(serving url: URL) throws -> any ProviderSimulator {
        guard let host = url.host, let simulator = simulators.values.first(where: { $0.baseURL.host == host }) else {
            throw PaymentError.transport(
                .hostNotFound, message: "the sandbox simulates no provider at \(url.host ?? "no host")")
        }
        return simulator
    }

    private func simulator(_ provider: ProviderID) throws -> any ProviderSimulator {
        guard let simulator = simulators[provider] else {
            throw PaymentError.invalidRequest("the sandbox does not simulate \(provider)")
        }
        return simulator
    }
}

/// How much a simulated payer pays.
public enum SandboxPayment: Hashable, Sendable {
    /// Exactly what was asked.
    case full
    /// Less than asked: this fraction of it, strictly between 0 and 1 (`0.5` pays half). It is not an amount: a
    /// fraction of 1 or more is refused, use ``exactly(_:)`` to pay an amount of the pay asset (what the command
    /// line's `--partial` and the sandbox server's `partial` mean).
    case fraction(Decimal)
    /// More than asked: this fraction on top of it, more than 0 (`0.1` pays 110 %). Use ``adding(_:)`` to add an
    /// amount of the pay asset.
    case over(Decimal)
    /// Exactly this amount of the pay asset, whatever was asked.
    case exactly(Decimal)
    /// What was asked plus this amount of the pay asset.
    case adding(Decimal)

    /// Refuses a payment whose number cannot mean what its case says, before the sandbox records anything.
    func validate() throws {
        switch self {
        case .full: return
        case .fraction(let fraction) where fraction <= 0 || fraction >= 1:
            throw PaymentError.invalidRequest(
                "SandboxPayment.fraction takes a fraction strictly between 0 and 1 (0.5 pays half), got \(fraction); "
                    + "to pay an amount of the pay asset use .exactly(\(fraction))")
        case .over(let fraction) where fraction <= 0:
            throw PaymentError.invalidRequest(
                "SandboxPayment.over takes a fraction above 0 (0.1 pays 110 %), got \(fraction)")
        case .exactly(let amount) where amount < 0, .adding(let amount) where amount < 0:
            throw PaymentError.invalidRequest("a sandbox payment cannot be negative, got \(amount)")
        case .fraction, .over, .exactly, .adding: return
        }
    }

    /// The amount paid for a request of `requested`.
    func amount(of requested: Decimal) -> Decimal {
        switch self {
        case .full: requested
        case .fraction(let fraction): requested * fraction
        case .over(let fraction): requested * (1 + fraction)
        case .exactly(let amount): amount
        case .adding(let amount): requested + amount
        }
    }
}
