import CryptoPayCore
import Foundation

extension USDTInvoiceClient {
    /// The document's limits per endpoint class, per minute: `create` 100 (invoice creation), `get` 300 (an invoice
    /// by id or reference), `list` 60 (the invoice list), `sandbox` 60 (every sandbox call). The document gives no
    /// limit for cancelling and the account calls; they are not limited here.
    public static let documentedRateLimits: [String: RateLimiter.Limit] = [
        USDTInvoiceOperations.RateClass.create: RateLimiter.Limit(requests: 100, per: .seconds(60)),
        USDTInvoiceOperations.RateClass.get: RateLimiter.Limit(requests: 300, per: .seconds(60)),
        USDTInvoiceOperations.RateClass.list: RateLimiter.Limit(requests: 60, per: .seconds(60)),
        USDTInvoiceOperations.RateClass.sandbox: RateLimiter.Limit(requests: 60, per: .seconds(60)),
    ]

    /// The endpoint class of an operation, as the document groups its limits and each operation's declaration
    /// names it: `invoices.create` → `create`, `invoices.retrieve` and `invoices.retrieveByReference` → `get`,
    /// `invoices.list` → `list`, `sandbox.*` → `sandbox`; `nil` for operations without a documented limit.
    public static func rateLimitClass(of operation: String) -> String? {
        USDTInvoiceOperations.rateClasses[operation]
    }

    /// A limiter that keeps a client under ``documentedRateLimits``: at most the documented number of requests of a
    /// class start in any minute, up to a tenth of them at once, every try counted (retries included). Pass it to
    /// ``init(apiKey:configuration:rateLimiter:)`` or set it as `ClientConfiguration.rateLimiter`, and share it
    /// between the clients of one API key in a process.
    ///
    /// - Parameters:
    ///   - limits: the limits by class; the documented ones by default (lower them if other systems share your key).
    ///   - instances: how many processes use the key, each with its own limiter: this one keeps to its share of every
    ///     limit (`RateLimiter.Limit.shared(by:)`: 3 instances get 33 creates a minute each). 1 by default.
    ///   - clock: the limiter's time and wait; inject a manual one in tests.
    public static func makeRateLimiter(
        limits: [String: RateLimiter.Limit] = documentedRateLimits,
        instances: Int = 1,
        clock: WaitClock = .system
    ) -> RateLimiter {
        RateLimiter(limits: limits, instances: instances, clock: clock) { request in
            request.operation.flatMap(rateLimitClass(of:))
        }
    }
}
