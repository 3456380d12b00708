import CryptoPayCore
import Foundation

/// The 1xGate API: create and retrieve payments, and list the currencies and networks 1xGate accepts.
///
/// ```swift
/// let client = try OneXGateClient(apiKey: key)
/// let payment = try await client.payments.create(
///     OneXGatePaymentParameters(
///         amount: try Money("2.3", .usdtTron), orderID: "order-42",
///         successURL: paidPage, failedURL: failedPage
///     )
/// )
/// // Send the customer to payment.link, then wait for the webhook (see OneXGateWebhook).
/// ```
///
/// Every 1xGate response is wrapped in `{"data": …}`; the client unwraps it, so callers see the payload only. An
/// immutable value, safe to share across tasks. Neither its description nor its mirror shows the API key.
public struct OneXGateClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// `https://api.1xgate.com`, used unless the configuration sets another base URL.
    public static let defaultBaseURL = URL(string: "https://api.1xgate.com")

    package let api: APIClient
    let creationRoute: OneXGatePaymentCreationRoute

    /// Creates a client that sends the key in the `x-integration-key` header.
    ///
    /// - Parameters:
    ///   - apiKey: the merchant API key from the 1xGate panel.
    ///   - configuration: base URL, transport, retries, timeout, logging.
    ///   - paymentCreationPath: where `payments.create` posts, or `nil` (the default) to find out. The document's
    ///     heading says `/v1/integrations/payments`; its only runnable example, the curl, posts to
    ///     `/v1/integrations/payments/external`, and the response it shows is a payment of `"type": "external"`.
    ///     With `nil` the client tries the example's path first (the evidence of a request that was really sent),
    ///     and when the service answers 404 (a route it does not serve, which creates nothing) tries the other one
    ///     once, then remembers the path a payment was created on for every later create of this client and its
    ///     copies. A path given here is the only one ever used: a 404 on it is the caller's error.
    /// - Throws: `PaymentError` of kind `invalidRequest` when the key is empty or the configured base URL is not
    ///   `https` (loopback hosts excepted).
    public init(
        apiKey: String,
        configuration: ClientConfiguration = .default,
        paymentCreationPath: OneXGatePaymentCreationPath? = nil
    ) throws {
        api = try APIClient(
            provider: .oneXGate,
            credentials: .apiKey(apiKey, header: "x-integration-key"),
            configuration: configuration,
            defaultBaseURL: Self.defaultBaseURL,
            errorFormat: OneXGateErrorFormat(),
            envelope: .member("data")
        )
        if let key = OneXGateIcon.baseKey { api.decoder.userInfo[key] = api.baseURL }
        creationRoute = OneXGatePaymentCreationRoute(pinned: paymentCreationPath)
    }

    /// The creation path given to the initializer, or `nil` when the client finds it out.
    public var pinnedPaymentCreationPath: OneXGatePaymentCreationPath? { creationRoute.pinned }

    /// Where the next `payments.create` posts first: the pinned path, else the path the service last created a
    /// payment on, else ``OneXGatePaymentCreationPath/firstGuess``.
    public var paymentCreationPath: OneXGatePaymentCreationPath { creationRoute.next }

    /// The base URL requests go to.
    public var baseURL: URL { api.baseURL }

    /// Payments: create, retrieve, wait for a final status.
    public var payments: Payments { Payments(api: api, creationRoute: creationRoute) }

    /// Public settings: the currencies and networks 1xGate accepts.
    public var settings: Settings { Settings(api: api) }

    /// `OneXGateClient(https://api.1xgate.com)`: the base URL only.
    public var description: String { "OneXGateClient(\(baseURL.absoluteString))" }

    /// A mirror with the base URL and the creation path only, so that `dump` and debuggers cannot print the key.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["baseURL": baseURL, "paymentCreationPath": paymentCreationPath],
            displayStyle: .struct
        )
    }
}
