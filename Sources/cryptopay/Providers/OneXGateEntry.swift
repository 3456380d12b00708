import CryptoPay
import CryptoPaySandbox
import Foundation

/// 1xGate in the tool: `x-integration-key`, unsigned webhooks authenticated by lookup.
struct OneXGateEntry: ProviderEntry {
    let id = ProviderID.oneXGate
    let module = "OneXGate"
    let authentication = "x-integration-key header"
    let webhookScheme = "unsigned; verified by lookup"
    let signsWebhooks = false

    func operations(on sandbox: SandboxTransport) throws -> [CallableOperation] {
        let client = try client(
            SandboxCredentials.oneXGate.apiKey, baseURL: sandbox.baseURL(for: id), transport: sandbox)
        return OneXGateOperations.entries.map { CallableOperation($0, client: client) }
    }

    func liveOperations(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware]) throws
        -> [CallableOperation]
    {
        let client = try live(environment: environment, baseURL: baseURL, middleware: middleware)
        return OneXGateOperations.entries.map { CallableOperation($0, client: client) }
    }

    func sandboxProvider(baseURL: URL, transport: any HTTPTransport) throws -> any PaymentProvider {
        OneXGateProvider(client: try client(SandboxCredentials.oneXGate.apiKey, baseURL: baseURL, transport: transport))
    }

    func demoRequest() throws -> CheckoutRequest {
        CheckoutRequest(
            amount: try Money("25", .usdtTron),
            orderReference: "demo-onexgate-1",
            description: "CryptoPay demo",
            successURL: URL(string: "https://shop.example/paid"),
            cancelURL: URL(string: "https://shop.example/failed")
        )
    }

    func verifyWebhook(_ request: WebhookRequest, options: WebhookOptions) async throws -> JSONValue {
        guard options.lookup else {
            throw PaymentError(
                .invalidRequest,
                message: "onexgate webhooks carry no signature: pass --lookup to authenticate by fetching the payment",
                provider: id)
        }
        let client = try live(environment: options.environment, baseURL: options.baseURL)
        return try json(try await OneXGateWebhook(client: client).verify(request))
    }

    func signWebhook(body: Data, secret: String, id: String, timestamp: Date) throws -> HeaderFields {
        throw unsignedRefusal()
    }

    private func live(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware] = []) throws
        -> OneXGateClient
    {
        try client(
            try required("ONEXGATE_API_KEY", in: environment),
            baseURL: try self.baseURL(baseURL, variable: "ONEXGATE_BASE_URL", in: environment),
            transport: URLSessionTransport.shared, middleware: middleware)
    }

    private func client(
        _ key: String, baseURL: URL?, transport: any HTTPTransport, middleware: [any HTTPMiddleware] = []
    ) throws -> OneXGateClient {
        try OneXGateClient(
            apiKey: key,
            configuration: ClientConfiguration(baseURL: baseURL, transport: transport, middleware: middleware))
    }
}
