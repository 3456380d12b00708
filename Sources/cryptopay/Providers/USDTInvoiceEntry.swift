import CryptoPay
import CryptoPaySandbox
import Foundation

/// The USDT invoice API in the tool: `Authorization: Bearer` with a `test_` or `live_` key, a required base URL,
/// HMAC-SHA256 webhooks in `X-Webhook-Signature` with `X-Webhook-Id` and `X-Invoice-Reference`.
struct USDTInvoiceEntry: ProviderEntry {
    let id = ProviderID.usdtInvoice
    let module = "USDTInvoice"
    let authentication = "Authorization: Bearer (test_/live_ key)"
    let webhookScheme = "HMAC-SHA256 hex (X-Webhook-Signature)"
    let signsWebhooks = true

    func operations(on sandbox: SandboxTransport) throws -> [CallableOperation] {
        let client = try client(
            SandboxCredentials.usdtInvoice.apiKey, baseURL: sandbox.baseURL(for: id), transport: sandbox)
        return USDTInvoiceOperations.entries.map { CallableOperation($0, client: client) }
    }

    func liveOperations(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware]) throws
        -> [CallableOperation]
    {
        let key = try required("USDTINVOICE_API_KEY", in: environment)
        let variable = "USDTINVOICE_BASE_URL"
        if baseURL == nil { _ = try required(variable, in: environment) }
        let client = try client(
            key,
            baseURL: try self.baseURL(baseURL, variable: variable, in: environment),
            transport: URLSessionTransport.shared, middleware: middleware)
        return USDTInvoiceOperations.entries.map { CallableOperation($0, client: client) }
    }

    func sandboxProvider(baseURL: URL, transport: any HTTPTransport) throws -> any PaymentProvider {
        let credentials = SandboxCredentials.usdtInvoice
        return USDTInvoiceProvider(
            client: try client(credentials.apiKey, baseURL: baseURL, transport: transport),
            webhook: try USDTInvoiceWebhook(secret: credentials.webhookSecret)
        )
    }

    func demoRequest() throws -> CheckoutRequest {
        CheckoutRequest(
            amount: try Money("150.00", .usdtTron),
            orderReference: "demo-usdtinvoice-1",
            description: "CryptoPay demo",
            successURL: URL(string: "https://shop.example/paid"),
            callbackURL: URL(string: "https://shop.example/webhooks/usdtinvoice"),
            expiresIn: .seconds(1800)
        )
    }

    func verifyWebhook(_ request: WebhookRequest, options: WebhookOptions) async throws -> JSONValue {
        guard !options.secrets.isEmpty else {
            throw PaymentError(.invalidRequest, message: "usdtinvoice webhooks need --secret", provider: id)
        }
        return try json(try await USDTInvoiceWebhook(secrets: options.secrets).verify(request))
    }

    /// The signature, the delivery id and, when the body names one, the invoice reference: the headers the provider
    /// sends besides `Content-Type`.
    func signWebhook(body: Data, secret: String, id: String, timestamp: Date) throws -> HeaderFields {
        var headers = try HMACHeaderSignatureScheme.sign(
            body: body, secret: secret, headerName: HMACHeaderSignatureScheme.usdtInvoiceHeaderName)
        headers[USDTInvoiceWebhook.webhookIDHeaderName] = id
        if let reference = (try? JSONDecoder().decode(JSONValue.self, from: body))?["invoice_reference"]?.stringValue {
            headers[USDTInvoiceWebhook.invoiceReferenceHeaderName] = reference
        }
        return headers
    }

    private func client(
        _ key: String, baseURL: URL?, transport: any HTTPTransport, middleware: [any HTTPMiddleware] = []
    ) throws -> USDTInvoiceClient {
        try USDTInvoiceClient(
            apiKey: key,
            configuration: ClientConfiguration(baseURL: baseURL, transport: transport, middleware: middleware))
    }
}
