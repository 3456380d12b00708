import Foundation

/// When and how long to wait before sending a failed request again.
///
/// The rule is never to risk a double charge: a safe request (`GET`, `HEAD`) is retried after connection
/// failures and on 408, 429, 500, 502, 503, 504 and 509; any other request (`POST`, `PATCH`, …) is retried only when
/// the failure proves it never reached the server (connection refused, host not found, not connected). Everything
/// else reaches the caller, who must look the object up before trying again, as the providers' documents advise.
///
/// Waits grow exponentially with jitter (`baseDelay × 2^(retry-1)`, capped at `maxDelay`, then a random
/// point in its upper half); a `Retry-After` header (seconds or HTTP date) replaces the computed wait, capped at
/// `maxRetryAfter`.
public struct RetryPolicy: Sendable {
    /// How many times a request may be resent after the first try; 0 disables retries.
    public var maxRetries: Int
    /// The wait before the first retry, in seconds, before jitter.
    public var baseDelay: TimeInterval
    /// The longest computed wait, in seconds.
    public var maxDelay: TimeInterval
    /// The longest wait a `Retry-After` header can ask for, in seconds.
    public var maxRetryAfter: TimeInterval
    /// The statuses after which a safe request is resent.
    public var retryableStatuses: Set<Int>
    /// Returns a random number in `0..<1` for jitter; injectable so that tests are deterministic.
    public var random: @Sendable () -> Double
    /// Returns the current time, for `Retry-After` dates; injectable for tests.
    public var now: @Sendable () -> Date
    /// Waits the given number of seconds; injectable so that tests run instantly.
    ///
    /// Throws `CancellationError` when the task is cancelled during the wait.
    public var sleep: @Sendable (TimeInterval) async throws -> Void

    /// Creates a policy; the defaults are 2 retries, 0.5 s base, 8 s cap and a 30 s `Retry-After` cap.
    public init(
        maxRetries: Int = 2,
        baseDelay: TimeInterval = 0.5,
        maxDelay: TimeInterval = 8,
        maxRetryAfter: TimeInterval = 30,
        retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504, 509],
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (TimeInterval) async throws -> Void = { seconds in
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
        }
    ) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.maxRetryAfter = max(0, maxRetryAfter)
        self.retryableStatuses = retryableStatuses
        self.random = random
        self.now = now
        self.sleep = sleep
    }

    /// The default policy.
    public static var `default`: RetryPolicy { RetryPolicy() }

    /// A policy that never retries.
    public static var none: RetryPolicy { RetryPolicy(maxRetries: 0) }

    /// What happened on one try, as the policy sees it.
    public enum Outcome: Sendable {
        /// A response arrived with this status and headers.
        case response(status: Int, headers: HTTPHeaders)
        /// No response arrived.
        case transportFailure(TransportFailure)
    }

    /// Whether to try again, and after how many seconds.
    public enum Decision: Hashable, Sendable {
        /// Send again after waiting this many seconds.
        case retry(after: TimeInterval)
        /// Give the outcome to the caller.
        case stop
    }

    /// Decides what to do after try number `attempt` (1 for the first try) of a request with `method` ended in
    /// `outcome`.
    public func decision(method: HTTPMethod, outcome: Outcome, attempt: Int) -> Decision {
        guard attempt <= maxRetries else { return .stop }
        switch outcome {
        case .response(let status, let headers):
            guard method.isSafe, retryableStatuses.contains(status) else { return .stop }
            if let retryAfter = retryAfter(in: headers) {
                return .retry(after: min(retryAfter, maxRetryAfter))
            }
            return .retry(after: backoff(retry: attempt))
        case .transportFailure(let failure):
            guard failure.requestNeverSent || (method.isSafe && failure.isRetryableForSafeRequests) else {
                return .stop
            }
            return .retry(after: backoff(retry: attempt))
        }
    }

    /// The jittered exponential wait before retry number `retry` (1 for the first retry).
    public func backoff(retry: Int) -> TimeInterval {
        let exponent = Double(min(max(retry - 1, 0), 30))
        let ceiling = min(maxDelay, baseDelay * pow(2, exponent))
        let jitter = min(max(random(), 0), 1)
        return ceiling / 2 + ceiling / 2 * jitter
    }

    /// The wait a `Retry-After` header asks for, in seconds: delta-seconds or an HTTP date (IMF-fixdate).
    /// Malformed values are ignored; a date in the past means no wait.
    public func retryAfter(in headers: HTTPHeaders) -> TimeInterval? {
        guard let value = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        if value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber), let seconds = Int(value) {
            return TimeInterval(seconds)
        }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now()))
    }
}

extension TransportFailure {
    /// Failures after which a safe request may be resent (everything except TLS problems, which will not fix
    /// themselves).
    fileprivate var isRetryableForSafeRequests: Bool {
        self != .secureConnectionFailed
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
