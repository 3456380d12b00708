import CryptoPayCore
import Foundation

/// Posts webhooks to the merchant's URLs as a provider does: the exact body and headers, retried with exponential
/// backoff after a non-2xx answer, a timeout or a connection error, every attempt logged on one line.
final class WebhookDispatcher: @unchecked Sendable {
    /// How deliveries are made.
    struct Settings: Sendable {
        /// Where each provider's webhooks go; several URLs take turns.
        var urls: [ProviderID: [URL]] = [:]
        /// Tries per delivery, the first included.
        var maximumAttempts = 6
        /// The wait before the second try; it doubles after each further failure.
        var baseDelay: Duration = .seconds(1)
        /// How long one try may take.
        var timeout: Duration = .seconds(10)
        /// Sends every webhook twice, as providers with at-least-once delivery sometimes do.
        var duplicate = false
    }

    /// One webhook to deliver.
    struct Delivery: Sendable {
        var provider: ProviderID
        var event: String
        var id: String
        var webhook: WebhookRequest
    }

    private let settings: Settings
    private let transport: any HTTPTransport
    private let log: @Sendable (String) -> Void
    // Guards `turns`, `inFlight` and `stopping`.
    private let lock = NSLock()
    private var turns: [ProviderID: Int] = [:]
    private var inFlight: [UUID: [String]] = [:]
    private var stopping = false
    private let idle = DispatchGroup()

    init(settings: Settings, transport: any HTTPTransport, log: @escaping @Sendable (String) -> Void) {
        self.settings = settings
        self.transport = transport
        self.log = log
    }

    /// Starts delivering in the background, one after the other in the order given (the webhooks of one change,
    /// such as the Store Gateway's `payment.open` then `payment.complete`, arrive in order); twice each with
    /// ``Settings/duplicate``.
    func deliver(_ deliveries: [Delivery]) {
        var planned: [(Delivery, URL)] = []
        for delivery in deliveries {
            let urls = settings.urls[delivery.provider] ?? []
            guard !urls.isEmpty else {
                log(
                    "webhook provider=\(delivery.provider) event=\(delivery.event) delivery=\(delivery.id) "
                        + "not sent: no --webhook-url for \(delivery.provider)")
                continue
            }
            for _ in 0..<(settings.duplicate ? 2 : 1) {
                let url = lock.withLock {
                    let turn = turns[delivery.provider, default: 0]
                    turns[delivery.provider] = turn + 1
                    return urls[turn % urls.count]
                }
                planned.append((delivery, url))
            }
        }
        guard !planned.isEmpty else { return }
        let token = UUID()
        let admitted = lock.withLock {
            guard !stopping else { return false }
            inFlight[token] = planned.map { Self.describe($0, $1) }
            idle.enter()
            return true
        }
        guard admitted else {
            for (delivery, url) in planned {
                log("webhook abandoned at shutdown: \(Self.describe(delivery, url)) before its first attempt")
            }
            return
        }
        Task.detached { [self] in
            for (delivery, url) in planned {
                if isStopping {
                    log("webhook abandoned at shutdown: \(Self.describe(delivery, url)) before its first attempt")
                } else {
                    await attempt(delivery, to: url)
                }
                lock.withLock { inFlight[token] = Array(inFlight[token, default: []].dropFirst()) }
            }
            lock.withLock { inFlight[token] = nil }
            idle.leave()
        }
    }

    /// Logs a line that is not about one attempt.
    func note(_ line: String) {
        log(line)
    }

    /// Stops retrying (each delivery waiting for its next try logs that it is abandoned), lets tries in progress end
    /// for up to `grace`, and logs those still unfinished then.
    func finish(grace: Duration) {
        lock.withLock { stopping = true }
        guard idle.wait(timeout: .now() + grace.timeInterval) == .timedOut else { return }
        for description in lock.withLock({ inFlight.values.flatMap { $0 } }).sorted() {
            log("webhook abandoned at shutdown: \(description)")
        }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func attempt(_ delivery: Delivery, to url: URL) async {
        var request = TransportRequest(
            method: .post, url: url, headers: delivery.webhook.headers, body: delivery.webhook.body,
            timeout: settings.timeout, isIdempotent: true, provider: delivery.provider)
        var delay = settings.baseDelay.timeInterval
        for attempt in 1...max(1, settings.maximumAttempts) {
            request.attempt = attempt
            let started = Date()
            let status: String
            var delivered = false
            do {
                let response = try await transport.send(request)
                status = String(response.statusCode)
                delivered = response.isSuccess
            } catch let error as PaymentError {
                status = "error(\(error.transportFailure?.description ?? error.message))"
            } catch {
                status = "error(\(error))"
            }
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            log(
                "webhook provider=\(delivery.provider) event=\(delivery.event) delivery=\(delivery.id) "
                    + "url=\(url.absoluteString) attempt=\(attempt)/\(settings.maximumAttempts) status=\(status) "
                    + "time=\(DateCoding.formatWithMilliseconds(started)) ms=\(milliseconds)")
            if delivered || attempt == settings.maximumAttempts { return }
            guard await sleep(delay) else {
                log("webhook abandoned at shutdown: \(Self.describe(delivery, url)) after attempt \(attempt)")
                return
            }
            delay *= 2
        }
    }

    private static func describe(_ delivery: Delivery, _ url: URL) -> String {
        "\(delivery.provider) \(delivery.event) \(delivery.id) to \(url.absoluteString)"
    }

    /// Waits in short slices so that a shutdown does not wait out a long backoff; false when stopping.
    private func sleep(_ seconds: TimeInterval) async -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while !isStopping {
            let remaining = end.timeIntervalSinceNow
            guard remaining > 0 else { return true }
            try? await Task.sleep(nanoseconds: UInt64(min(remaining, 0.05) * 1_000_000_000))
        }
        return false
    }
}
