import Foundation

/// When and how long to wait before sending a failed request again.
///
/// The rule is never to risk a double charge: an idempotent request (``TransportRequest/isIdempotent``, by default
/// a `GET` or `HEAD`) is retried after connection failures and on 408, 429, 500, 502, 503, 504 and 509; any other
/// request (a `POST`, or a `GET` that changes state) is retried only when the failure proves it never reached the
/// server (connection refused, host not found, not connected). Everything else reaches the caller, as a
/// ``PaymentError`` whose ``PaymentError/outcome`` says whether the request may have taken effect.
///
/// Waits grow exponentially with jitter (`baseDelay × 2^(retry-1)`, capped at `maxDelay`, then a random point in
/// its upper half). A `Retry-After` header (seconds or HTTP date) replaces the computed wait; one longer than
/// `maxRetryAfter` is not waited out early (the provider would only answer 429 again): the caller gets
/// ``PaymentError/Kind/rateLimited`` with ``PaymentError/retryAfter`` instead. All tries and waits of one call
/// together stay within ``overallDeadline``.
public struct RetryPolicy: Sendable {
    /// How many times a request may be resent after the first try; 0 disables retries.
    public var maxRetries: Int
    /// The wait before the first retry, before jitter.
    public var baseDelay: Duration
    /// The longest computed wait.
    public var maxDelay: Duration
    /// The longest wait a `Retry-After` header can ask for.
    public var maxRetryAfter: Duration
    /// The statuses after which a safe request is resent.
    public var retryableStatuses: Set<Int>
    /// The longest one call may take, all tries and waits together: no retry starts that could not finish in time,
    /// and each try's timeout is cut to the time left.
    public var overallDeadline: Duration
    /// Returns a random number in `0..<1` for jitter; injectable so that tests are deterministic.
    public var random: @Sendable () -> Double
    /// The current time (for `Retry-After` dates and the overall deadline) and the wait between tries: the system's
    /// by default, a manual one in tests so that nothing really sleeps. Waits are cut to ``longestWait``.
    public var clock: WaitClock

    /// The longest wait any setting can ask for (one day): larger values are cut to it, so that the exponential
    /// backoff cannot overflow.
    public static let longestWait: Duration = .seconds(86_400)

    /// Creates a policy; the defaults are 2 retries, 0.5 s base, 8 s cap, a 30 s `Retry-After` cap and a 60 s
    /// overall deadline. Negative values count as zero; waits are capped at ``longestWait``.
    public init(
        maxRetries: Int = 2,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(8),
        maxRetryAfter: Duration = .seconds(30),
        overallDeadline: Duration = .seconds(60),
        retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504, 509],
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        clock: WaitClock = .system
    ) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = Self.clamped(baseDelay)
        self.maxDelay = Self.clamped(maxDelay)
        self.maxRetryAfter = Self.clamped(maxRetryAfter)
        self.overallDeadline = max(.zero, overallDeadline)
        self.retryableStatuses = retryableStatuses
        self.random = random
        self.clock = clock
    }

    /// The default policy.
    public static var `default`: RetryPolicy { RetryPolicy() }

    /// A policy that never retries.
    public static var none: RetryPolicy { RetryPolicy(maxRetries: 0) }

    /// What happened on one try, as the policy sees it.
    public enum Outcome: Sendable {
        /// A response arrived with this status and headers.
        case response(status: Int, headers: HeaderFields)
        /// No response arrived.
        case transportFailure(TransportFailure)
    }

    /// Whether to try again, and after how long.
    public enum Decision: Hashable, Sendable {
        /// Send again after waiting this long.
        case retry(after: Duration)
        /// Give the outcome to the caller.
        case stop
    }

    /// Decides what to do after try number `attempt` (1 for the first try) of a request ended in `outcome`;
    /// `isIdempotent` is the request's ``TransportRequest/isIdempotent``.
    public func decision(isIdempotent: Bool, outcome: Outcome, attempt: Int) -> Decision {
        guard attempt <= maxRetries else { return .stop }
        switch outcome {
        case .response(let status, let headers):
            guard isIdempotent, retryableStatuses.contains(status) else { return .stop }
            if let retryAfter = retryAfter(in: headers) {
                return retryAfter <= maxRetryAfter ? .retry(after: retryAfter) : .stop
            }
            return .retry(after: backoff(retry: attempt))
        case .transportFailure(let failure):
            guard failure.requestNeverSent || (isIdempotent && failure.isRetryableForSafeRequests) else {
                return .stop
            }
            return .retry(after: backoff(retry: attempt))
        }
    }

    /// `duration` cut to `0...longestWait`.
    public static func clamped(_ duration: Duration) -> Duration {
        guard duration > .zero else { return .zero }
        return min(duration, longestWait)
    }

    /// The jittered exponential wait before retry number `retry` (1 for the first retry).
    public func backoff(retry: Int) -> Duration {
        let exponent = Double(min(max(retry - 1, 0), 30))
        let ceiling = min(maxDelay, baseDelay * pow(2, exponent))
        let jitter = min(max(random(), 0), 1)
        return ceiling / 2 + ceiling / 2 * jitter
    }

    /// The wait a `Retry-After` header asks for: delta-seconds or an HTTP date (IMF-fixdate), cut to
    /// ``longestWait``. Malformed values are ignored; a date in the past means no wait.
    public func retryAfter(in headers: HeaderFields) -> Duration? {
        guard let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        if value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) {
            // More digits than an Int holds is still "a very long time", not "no header".
            return Self.clamped(Int64(value).map { Duration.seconds($0) } ?? Self.longestWait)
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        return Duration.clampedSeconds(date.timeIntervalSince(clock.now()))
    }
}

extension TransportFailure {
    /// Failures after which a safe request may be resent: everything except TLS problems and oversized responses,
    /// which will not fix themselves.
    fileprivate var isRetryableForSafeRequests: Bool {
        switch self {
        case .secureConnectionFailed, .responseTooLarge: false
        default: true
        }
    }
}

/// Parses the HTTP date format of `Retry-After` (`Sun, 06 Nov 1994 08:49:37 GMT`).
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
