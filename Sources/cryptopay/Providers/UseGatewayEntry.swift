import CryptoPay
import CryptoPaySandbox
import Foundation

/// UseGateway in the tool: `x-api-key`, Svix-signed webhooks.
struct UseGatewayEntry: ProviderEntry {
    let id = ProviderID.useGateway
    let module = "UseGateway"
    let authentication = "x-api-key header"
    let webhookScheme = "Svix (svix-id, svix-timestamp, svix-signature)"
    let signsWebhooks = true

    func operations(on sandbox: SandboxTransport) throws -> [CallableOperation] {
        let client = try UseGatewayClient(
            apiKey: SandboxCredentials.useGateway.apiKey,
            configuration: ClientConfiguration(baseURL: sandbox.baseURL(for: id), transport: sandbox))
        return UseGatewayOperations.entries.map { CallableOperation($0, client: client) }
    }

    func liveOperations(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware]) throws
        -> [CallableOperation]
    {
        let client = try UseGatewayClient(
            apiKey: try required("USEGATEWAY_API_KEY", in: environment),
            configuration: ClientConfiguration(
                baseURL: try self.baseURL(baseURL, variable: "USEGATEWAY_BASE_URL", in: environment),
                middleware: middleware)
        )
        return UseGatewayOperations.entries.map { CallableOperation($0, client: client) }
    }

    func sandboxProvider(baseURL: URL, transport: any HTTPTransport) throws -> any PaymentProvider {
        let credentials = SandboxCredentials.useGateway
        return UseGatewayProvider(
            client: try UseGatewayClient(
                apiKey: credentials.apiKey,
                configuration: ClientConfiguration(baseURL: baseURL, transport: transport)),
            webhook: try UseGatewayWebhook(secret: credentials.webhookSecret)
        )
    }

    func demoRequest() throws -> CheckoutRequest {
        CheckoutRequest(
            amount: try Money("10.00", .usd),
            payAsset: .usdtTron,
            orderReference: "demo-usegateway-1",
            description: "CryptoPay demo",
            successURL: URL(string: "https://shop.example/paid"),
            cancelURL: URL(string: "https://shop.example/cancelled")
        )
    }

    func verifyWebhook(_ request: WebhookRequest, options: WebhookOptions) async throws -> JSONValue {
        guard !options.secrets.isEmpty else {
            throw PaymentError(.invalidRequest, message: "usegateway webhooks need --secret", provider: id)
        }
        let now = options.now
        let webhook = try UseGatewayWebhook(
            secrets: options.secrets,
            tolerance: options.tolerance ?? SvixSignatureScheme.defaultTolerance,
            clock: WaitClock(now: { now ?? Date() }, sleep: WaitClock.system.sleep)
        )
        return try json(try await webhook.verify(request))
    }

    func signWebhook(body: Data, secret: String, id: String, timestamp: Date) throws -> HeaderFields {
        try SvixSignatureScheme.sign(body: body, id: id, timestamp: timestamp, secret: secret)
    }
}
