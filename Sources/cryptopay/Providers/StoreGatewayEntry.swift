import CryptoPay
import CryptoPaySandbox
import Foundation

/// The Store Gateway in the tool: HTTP Basic (API key and secret), a required base URL (the document's host is a
/// placeholder), webhooks signed in `X-Webhook-HMAC-SHA256` — or, for a store without a webhook secret, verified by
/// looking the payment up (`--lookup`).
struct StoreGatewayEntry: ProviderEntry {
    let id = ProviderID.storeGateway
    let module = "StoreGateway"
    let authentication = "HTTP Basic (API key, API secret)"
    let webhookScheme = "HMAC-SHA256 (X-Webhook-HMAC-SHA256)"
    let signsWebhooks = true

    func operations(on sandbox: SandboxTransport) throws -> [CallableOperation] {
        let client = try sandboxClient(baseURL: sandbox.baseURL(for: id), transport: sandbox)
        return StoreGatewayOperations.entries.map { CallableOperation($0, client: client) }
    }

    func liveOperations(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware]) throws
        -> [CallableOperation]
    {
        let client = try live(environment: environment, baseURL: baseURL, middleware: middleware)
        return StoreGatewayOperations.entries.map { CallableOperation($0, client: client) }
    }

    func sandboxProvider(baseURL: URL, transport: any HTTPTransport) throws -> any PaymentProvider {
        StoreGatewayProvider(
            client: try sandboxClient(baseURL: baseURL, transport: transport),
            webhook: try StoreGatewayWebhook(secret: SandboxCredentials.storeGateway.webhookSecret)
        )
    }

    func demoRequest() throws -> CheckoutRequest {
        CheckoutRequest(
            amount: try Money("10.00", .usd),
            payAsset: .btc,
            orderReference: "demo-storegateway-1",
            description: "CryptoPay demo",
            payerEmail: "payer@shop.example",
            successURL: URL(string: "https://shop.example/paid"),
            cancelURL: URL(string: "https://shop.example/cancelled"),
            expiresIn: .seconds(30 * 60)
        )
    }

    func verifyWebhook(_ request: WebhookRequest, options: WebhookOptions) async throws -> JSONValue {
        if options.lookup {
            let client = try live(environment: options.environment, baseURL: options.baseURL)
            return try json(try await StoreGatewayWebhook(confirmingWith: client).verify(request))
        }
        guard !options.secrets.isEmpty else {
            throw PaymentError(
                .invalidRequest,
                message: "storegateway webhooks need --secret (or --lookup for a store without a webhook secret)",
                provider: id)
        }
        return try json(try await StoreGatewayWebhook(secrets: options.secrets).verify(request))
    }

    /// The one header the Store Gateway sends; it signs neither an id nor a time, so `id` and `timestamp` are unused.
    func signWebhook(body: Data, secret: String, id: String, timestamp: Date) throws -> HeaderFields {
        try HMACHeaderSignatureScheme.sign(
            body: body, secret: secret, headerName: HMACHeaderSignatureScheme.storeGatewayHeaderName)
    }

    private func live(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware] = []) throws
        -> StoreGatewayClient
    {
        let key = try required("STOREGATEWAY_API_KEY", in: environment)
        let secret = try required("STOREGATEWAY_API_SECRET", in: environment)
        guard let url = try self.baseURL(baseURL, variable: "STOREGATEWAY_BASE_URL", in: environment) else {
            throw PaymentError(
                .invalidRequest, message: "set STOREGATEWAY_BASE_URL (or pass --base-url) to call storegateway",
                provider: id)
        }
        return try StoreGatewayClient(
            apiKey: key, apiSecret: secret, configuration: ClientConfiguration(baseURL: url, middleware: middleware))
    }

    private func sandboxClient(baseURL: URL, transport: any HTTPTransport) throws -> StoreGatewayClient {
        let credentials = SandboxCredentials.storeGateway
        return try StoreGatewayClient(
            apiKey: credentials.apiKey,
            apiSecret: credentials.apiSecret,
            configuration: ClientConfiguration(baseURL: baseURL, transport: transport)
        )
    }
}
