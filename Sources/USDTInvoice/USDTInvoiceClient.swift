import CryptoPayCore
import Foundation

/// The USDT invoice API: invoices, account and, with a test key, the sandbox.
///
/// ```swift
/// let client = try USDTInvoiceClient(
///     apiKey: "test_…",
///     configuration: ClientConfiguration(baseURL: URL(string: "https://api.example.com"))
/// )
/// let invoice = try await client.invoices.createOrRetrieve(
///     USDTInvoiceParameters(amount: try Money("150.00", .usdtTron), reference: "ORDER-12345")
/// )
/// ```
///
/// The document's host is a placeholder, so `ClientConfiguration.baseURL` is required: the API's root
/// (`https://api.example.com`); paths are under `/api/v1`, which the base URL may also end with. The key travels as
/// `Authorization: Bearer <key>`. An immutable value, safe to share across tasks; its description never shows the
/// key.
public struct USDTInvoiceClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// Whether a key creates test or live invoices.
    public enum Mode: String, Hashable, Sendable, CustomStringConvertible {
        /// A `test_` key: test invoices, paid only through the sandbox.
        case test
        /// A `live_` key: real invoices paid on the blockchain.
        case live

        /// The raw name.
        public var description: String { rawValue }
    }

    package let api: APIClient
    /// The path every endpoint is under: `/api/v1`, or nothing when the base URL already ends with it.
    let pathPrefix: String

    /// The key's mode: ``Mode/test`` for a `test_` key, ``Mode/live`` for a `live_` key.
    public let mode: Mode

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - apiKey: a key beginning `test_` (test mode) or `live_` (live mode).
    ///   - configuration: must set `ClientConfiguration.baseURL`.
    ///   - rateLimiter: keeps requests under the provider's limits instead of collecting HTTP 429s; see
    ///     ``makeRateLimiter(limits:instances:clock:)``. It becomes the configuration's
    ///     `ClientConfiguration.rateLimiter` (replacing one set there), so every try, retries included, takes a
    ///     token. Share one limiter between the clients of one key. `nil` (the default) keeps the configuration's
    ///     limiter, which is none unless you set one: requests are then sent at once.
    /// - Throws: `PaymentError` of kind `invalidRequest` when the key has neither prefix (the key is never part of
    ///   the message), the base URL is missing, or it is not `https` (loopback hosts excepted).
    public init(apiKey: String, configuration: ClientConfiguration, rateLimiter: RateLimiter? = nil) throws {
        guard let mode = Self.mode(ofKey: apiKey) else {
            throw PaymentError(
                .invalidRequest,
                message: "the API key must begin with test_ or live_",
                provider: .usdtInvoice
            )
        }
        var configuration = configuration
        if let rateLimiter { configuration.rateLimiter = rateLimiter }
        api = try APIClient(
            provider: .usdtInvoice,
            credentials: .bearer(apiKey),
            configuration: configuration,
            defaultBaseURL: nil,
            errorFormat: USDTInvoiceErrorFormat()
        )
        self.mode = mode
        var basePath = api.baseURL.path
        while basePath.hasSuffix("/") { basePath.removeLast() }
        pathPrefix = basePath.hasSuffix(Self.apiPath) ? "" : Self.apiPath
    }

    /// The API's version path.
    static let apiPath = "/api/v1"

    /// The base URL requests go to.
    public var baseURL: URL { api.baseURL }

    /// Invoices: `/api/v1/invoices`.
    public var invoices: Invoices { Invoices(client: self) }
    /// Your merchant account: `/api/v1/account`.
    public var account: Account { Account(client: self) }
    /// Test-mode helpers: `/api/v1/sandbox`. Refused before sending with a live key.
    public var sandbox: Sandbox { Sandbox(client: self) }

    /// `USDTInvoiceClient(https://api.example.com, test)`: the base URL and mode only.
    public var description: String { "USDTInvoiceClient(\(baseURL.absoluteString), \(mode))" }

    /// A mirror without the key, so that `dump` and debuggers cannot print it.
    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL, "mode": mode], displayStyle: .struct)
    }

    private static func mode(ofKey key: String) -> Mode? {
        for mode in [Mode.test, .live] {
            let prefix = mode.rawValue + "_"
            if key.hasPrefix(prefix), key.count > prefix.count { return mode }
        }
        return nil
    }
}
