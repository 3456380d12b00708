import CryptoPayCore
import Foundation

extension USDTInvoiceClient {
    /// The document's limits per endpoint class, per minute: `create` 100 (invoice creation), `get` 300 (an invoice
    /// by id or reference), `list` 60 (the invoice list), `sandbox` 60 (every sandbox call). The document gives no
    /// limit for cancelling and the account calls; they are not limited here.
    public static let documentedRateLimits: [String: RateLimiter.Limit] = [
        "create": RateLimiter.Limit(requests: 100, per: .seconds(60)),
        "get": RateLimiter.Limit(requests: 300, per: .seconds(60)),
        "list": RateLimiter.Limit(requests: 60, per: .seconds(60)),
        "sandbox": RateLimiter.Limit(requests: 60, per: .seconds(60)),
    ]

    /// The endpoint class of an operation, as the document groups its limits: `invoices.create` → `create`,
    /// `invoices.retrieve` and `invoices.retrieveByReference` → `get`, `invoices.list` → `list`, `sandbox.*` →
    /// `sandbox`; `nil` for operations without a documented limit.
    public static func rateLimitClass(of operation: String) -> String? {
        switch operation {
        case "invoices.create": "create"
        case "invoices.retrieve", "invoices.retrieveByReference": "get"
        case "invoices.list": "list"
        case _ where operation.hasPrefix("sandbox."): "sandbox"
        default: nil
        }
    }

    /// A limiter that keeps a client under ``documentedRateLimits``: at most the documented number of requests of a
    /// class start in any minute, up to a tenth of them at once. Pass it to
    /// ``init(apiKey:configuration:rateLimiter:)``, and share it between the clients of one API key.
    ///
    /// - Parameters:
    ///   - limits: the limits by class; the documented ones by default (lower them if other systems share your key).
    ///   - clock: the limiter's time and wait; inject a manual one in tests.
    public static func makeRateLimiter(
        limits: [String: RateLimiter.Limit] = documentedRateLimits,
        clock: WaitClock = .system
    ) -> RateLimiter {
        RateLimiter(limits: limits, clock: clock) { request in request.operation.flatMap(rateLimitClass(of:)) }
    }
}
