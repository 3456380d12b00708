import CryptoPayCore
import Foundation

/// The UseGateway REST API v1: payments, invoices, deposits, P2P deposits, withdrawal requests and exchange rates.
///
/// ```swift
/// let client = try UseGatewayClient(apiKey: key)
/// let payment = try await client.payments.create(
///     UseGatewayPaymentParameters(name: "Order 42", pricing: .fixed(Money(10, .usd)))
/// )
/// ```
///
/// An immutable value, safe to share across tasks. Its description never shows the API key.
public struct UseGatewayClient: Sendable, CustomStringConvertible {
    /// `https://api.usegateway.net/v1`, used unless the configuration sets another base URL.
    public static let defaultBaseURL = URL(string: "https://api.usegateway.net/v1")

    package let api: APIClient

    /// Creates a client that sends the key in the `x-api-key` header.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` when the key is empty or the configured base URL is not
    ///   `https` (loopback hosts excepted).
    public init(apiKey: String, configuration: ClientConfiguration = .default) throws {
        api = try APIClient(
            provider: .useGateway,
            credentials: .apiKey(apiKey, header: "x-api-key"),
            configuration: configuration,
            defaultBaseURL: Self.defaultBaseURL,
            errorFormat: UseGatewayErrorFormat()
        )
    }

    /// The base URL requests go to.
    public var baseURL: URL { api.baseURL }

    /// Payments: `/payments/`.
    public var payments: Payments {
        Payments(calls: CollectionCalls(api: api, operations: UseGatewayOperations.payments))
    }
    /// Invoices: `/invoices/`.
    public var invoices: Invoices {
        Invoices(calls: CollectionCalls(api: api, operations: UseGatewayOperations.invoices))
    }
    /// Deposits: `/deposits/`.
    public var deposits: Deposits {
        Deposits(calls: CollectionCalls(api: api, operations: UseGatewayOperations.deposits))
    }
    /// P2P deposits: `/deposits/` with `is_p2p: true`.
    public var p2p: P2P { P2P(deposits: deposits) }
    /// Withdrawal requests: `/withdrawal_requests/`.
    public var withdrawalRequests: WithdrawalRequests {
        WithdrawalRequests(calls: CollectionCalls(api: api, operations: UseGatewayOperations.withdrawalRequests))
    }
    /// Exchange rates: `/rates/`.
    public var rates: Rates { Rates(api: api) }

    /// `UseGatewayClient(https://api.usegateway.net/v1)`: the base URL only.
    public var description: String { "UseGatewayClient(\(baseURL.absoluteString))" }
}
