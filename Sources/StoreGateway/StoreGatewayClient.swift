import CryptoPayCore
import Foundation

/// The Crypto Payment Gateway's store Integration API v10.2: assets, balances, conversion, payments, withdrawals,
/// dedicated addresses and transfers between stores.
///
/// The document's host is a placeholder, so the base URL is required:
///
/// ```swift
/// let client = try StoreGatewayClient(
///     apiKey: key, apiSecret: secret,
///     configuration: ClientConfiguration(baseURL: URL(string: "https://api.example-gateway.com/int"))
/// )
/// let payment = try await client.payments.create(
///     StoreGatewayPaymentParameters(amount: Money(100, .usd), paymentAsset: .btc),
///     reconciliationKey: order.id, slot: .custom9
/// )
/// ```
///
/// **HTTP 500 does not say whether the request was applied** (the document's words). Creations are therefore
/// never resent once they may have reached the service, and such a failure is a `PaymentError` whose
/// `PaymentError.outcome` is `PaymentError.Outcome.unknown`. For payments, find out with the reconciliation
/// key before deciding anything; the service tries to cancel what it answered HTTP 500 for, so a cancelled match is
/// not the payment to use:
///
/// ```swift
/// do {
///     payment = try await client.payments.create(parameters, reconciliationKey: order.id, slot: .custom9)
/// } catch let error as PaymentError where error.outcome == .unknown {
///     switch try await client.payments.find(reconciliationKey: order.id, slot: .custom9, around: sentAt) {
///     case .found(let existing):
///         payment = existing  // it was created and is not cancelled: use it, do not create another
///     case .onlyCancelled:
///         // the service cancelled what it created: create again with the same key
///     case .notFound:
///         // maybe not visible yet: look again a minute later; create again only if still not found
///     }
/// }
/// ```
///
/// An immutable value, safe to share across tasks. Every request is sent with HTTP Basic authentication (the API
/// key as user, the API secret as password) and `Content-Type: application/json`, GETs included, as the document
/// requires. Neither secret appears in descriptions, mirrors, errors or logs.
public struct StoreGatewayClient: Sendable, CustomStringConvertible {
    /// The header every request carries, as the document requires.
    static let defaultHeaders: HeaderFields = ["Content-Type": "application/json"]

    package let api: APIClient

    /// Creates a client for one store.
    ///
    /// - Parameters:
    ///   - apiKey: the store's API key (Settings → API), sent as the Basic user name.
    ///   - apiSecret: the store's API secret, sent as the Basic password.
    ///   - configuration: must set `ClientConfiguration.baseURL`: the document gives no real host.
    /// - Throws: `PaymentError` of kind `invalidRequest` when the key or secret is empty, the key contains `:`
    ///   (which Basic authentication cannot carry in a user name), `ClientConfiguration.baseURL` is not set, or
    ///   the base URL is not `https` (loopback hosts excepted).
    public init(apiKey: String, apiSecret: String, configuration: ClientConfiguration) throws {
        func refuse(_ message: String) -> PaymentError {
            PaymentError(.invalidRequest, message: message, provider: .storeGateway)
        }
        guard !apiKey.isEmpty else { throw refuse("apiKey must not be empty") }
        guard !apiKey.contains(":") else { throw refuse("apiKey must not contain \":\" (HTTP Basic user name)") }
        guard !apiSecret.isEmpty else { throw refuse("apiSecret must not be empty") }
        api = try APIClient(
            provider: .storeGateway,
            credentials: .basic(user: apiKey, secret: apiSecret),
            configuration: configuration,
            defaultBaseURL: nil,
            errorFormat: StoreGatewayErrorFormat(),
            defaultHeaders: Self.defaultHeaders
        )
    }

    /// The base URL requests go to.
    public var baseURL: URL { api.baseURL }

    /// Assets the store can take payments in: `/assets`.
    public var assets: Assets { Assets(api: api) }
    /// The store's balances: `/accounts`.
    public var accounts: Accounts { Accounts(api: api) }
    /// Payments: `/payment`, `/payments`.
    public var payments: Payments { Payments(api: api) }
    /// Withdrawals: `/withdraw`.
    public var withdrawals: Withdrawals { Withdrawals(api: api) }
    /// Dedicated addresses: `/dedicate`.
    public var dedicatedAddresses: DedicatedAddresses { DedicatedAddresses(api: api) }
    /// Transfers between the merchant's stores: `/transfer`.
    public var transfers: Transfers { Transfers(api: api) }

    /// Converts an amount into another asset at the service's rate, `POST /convert` (operation `convert`).
    ///
    /// The call changes nothing, so it is retried like a read.
    ///
    /// - Throws: `PaymentError`: `invalidRequest` for an amount of zero or less or an asset Store Gateway cannot
    ///   express (nothing is sent); `validation` (HTTP 422) when the service refuses the pair; otherwise as any
    ///   request (`authentication`, `server`, `transport`, `decoding` …).
    public func convert(_ amount: Money, to asset: Asset) async throws -> StoreGatewayConversion {
        let body = try api.validating(StoreGatewayOperations.convert.name) {
            try ConversionBody(converting: amount, to: asset)
        }
        return try await api.perform(StoreGatewayOperations.convert, body)
    }

    /// `StoreGatewayClient(https://…)`: the base URL only.
    public var description: String { "StoreGatewayClient(\(baseURL.absoluteString))" }
}
