import Foundation

/// What it takes to reach one provider: credentials, webhook secrets and client configuration (base URL, transport,
/// retries, logging). `ProviderRegistry.init(settings:)` builds the clients and adapters from a list of these.
///
/// The values hold secrets: neither the description nor the mirror shows them.
public enum ProviderSettings: Sendable, CustomStringConvertible, CustomReflectable {
    /// UseGateway: the API key and the endpoint's `whsec_…` secrets (several during a rotation; none: webhooks are
    /// refused).
    case useGateway(apiKey: String, webhookSecrets: [String], configuration: ClientConfiguration = .default)
    /// The Store Gateway: API key and secret, webhook secrets (none: webhooks are confirmed by fetching the
    /// payment), and a configuration whose `baseURL` is required.
    case storeGateway(apiKey: String, apiSecret: String, webhookSecrets: [String], configuration: ClientConfiguration)
    /// The USDT invoice API: a `test_…` or `live_…` key, webhook secrets (none: webhooks are refused), and a
    /// configuration whose `baseURL` is required.
    case usdtInvoice(apiKey: String, webhookSecrets: [String], configuration: ClientConfiguration)
    /// 1xGate: the integration key; webhooks are confirmed by fetching the payment.
    case oneXGate(apiKey: String, configuration: ClientConfiguration = .default)
    /// The POS Open API: user name, key, POS id, a configuration whose `baseURL` is required, and where each
    /// payment's address is kept (webhooks are confirmed with CheckPayment, which needs it). Without an address
    /// book the adapter keeps a bounded `OpenPOSInMemoryAddressBook` that serves only this process until it ends:
    /// with several instances, or to confirm webhooks after a restart, pass one on a shared database.
    case openPOS(
        username: String,
        apiKey: String,
        posID: String,
        configuration: ClientConfiguration,
        addressBook: (any OpenPOSAddressBook)? = nil
    )

    /// The provider these settings are for.
    public var provider: ProviderID {
        switch self {
        case .useGateway: .useGateway
        case .storeGateway: .storeGateway
        case .usdtInvoice: .usdtInvoice
        case .oneXGate: .oneXGate
        case .openPOS: .openPOS
        }
    }

    /// Builds the client and its ``PaymentProvider`` adapter.
    ///
    /// - Throws: `PaymentError` of kind `invalidRequest` for empty or malformed credentials, a missing or non-https
    ///   base URL, or a malformed webhook secret.
    public func makeProvider() throws -> any PaymentProvider {
        switch self {
        case .useGateway(let apiKey, let secrets, let configuration):
            return UseGatewayProvider(
                client: try UseGatewayClient(apiKey: apiKey, configuration: configuration),
                webhook: secrets.isEmpty ? nil : try UseGatewayWebhook(secrets: secrets))
        case .storeGateway(let apiKey, let apiSecret, let secrets, let configuration):
            let client = try StoreGatewayClient(apiKey: apiKey, apiSecret: apiSecret, configuration: configuration)
            return StoreGatewayProvider(
                client: client,
                webhook: secrets.isEmpty
                    ? StoreGatewayWebhook(confirmingWith: client) : try StoreGatewayWebhook(secrets: secrets))
        case .usdtInvoice(let apiKey, let secrets, let configuration):
            return USDTInvoiceProvider(
                client: try USDTInvoiceClient(apiKey: apiKey, configuration: configuration),
                webhook: secrets.isEmpty ? nil : try USDTInvoiceWebhook(secrets: secrets))
        case .oneXGate(let apiKey, let configuration):
            return OneXGateProvider(client: try OneXGateClient(apiKey: apiKey, configuration: configuration))
        case .openPOS(let username, let apiKey, let posID, let configuration, let addressBook):
            return OpenPOSProvider(
                client: try OpenPOSClient(
                    username: username, apiKey: apiKey, posID: posID, configuration: configuration,
                    addressBook: addressBook))
        }
    }

    /// `ProviderSettings(usegateway)`: the provider only.
    public var description: String { "ProviderSettings(\(provider))" }

    /// A mirror with the provider only, so that `dump` and debuggers cannot print the secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["provider": provider], displayStyle: .enum)
    }
}

extension ProviderRegistry {
    /// Builds every provider from its settings.
    ///
    /// - Parameters:
    ///   - settings: one entry per provider to build.
    ///   - processedWebhooks: as in `init(_:processedWebhooks:)`: the store shared by your instances.
    /// - Throws: `PaymentError` of kind `invalidRequest` from the first settings that cannot make a client (its
    ///   message names the provider and never a secret).
    public init(settings: [ProviderSettings], processedWebhooks: (any ProcessedWebhookStore)? = nil) throws {
        self.init(try settings.map { try $0.makeProvider() }, processedWebhooks: processedWebhooks)
    }
}
