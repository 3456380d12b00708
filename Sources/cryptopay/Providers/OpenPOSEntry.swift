import CryptoPay
import CryptoPaySandbox
import Foundation

/// The POS API in the tool: HTTP Basic with `pos_id` on every call, unsigned webhooks authenticated by lookup.
struct OpenPOSEntry: ProviderEntry {
    let id = ProviderID.openPOS
    let module = "OpenPOS"
    let authentication = "HTTP Basic (username:api key), pos_id"
    let webhookScheme = "unsigned; verified by lookup"
    let signsWebhooks = false

    func operations(on sandbox: SandboxTransport) throws -> [CallableOperation] {
        let credentials = SandboxCredentials.openPOS
        let client = try OpenPOSClient(
            username: credentials.username,
            apiKey: credentials.apiKey,
            posID: credentials.posID,
            configuration: ClientConfiguration(baseURL: sandbox.baseURL(for: id), transport: sandbox))
        return OpenPOSOperations.entries.map { CallableOperation($0, client: client) }
    }

    func liveOperations(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware]) throws
        -> [CallableOperation]
    {
        let client = try live(environment: environment, baseURL: baseURL, middleware: middleware)
        return OpenPOSOperations.entries.map { CallableOperation($0, client: client) }
    }

    func sandboxProvider(baseURL: URL, transport: any HTTPTransport) throws -> any PaymentProvider {
        let credentials = SandboxCredentials.openPOS
        return OpenPOSProvider(
            client: try OpenPOSClient(
                username: credentials.username,
                apiKey: credentials.apiKey,
                posID: credentials.posID,
                configuration: ClientConfiguration(baseURL: baseURL, transport: transport),
                addressBook: OpenPOSInMemoryAddressBook()
            )
        )
    }

    func demoRequest() throws -> CheckoutRequest {
        CheckoutRequest(amount: try Money("48.25", .eur), payAsset: .btc, orderReference: "demo-openpos-1")
    }

    /// With `--lookup`: the webhook names no address, which CheckPayment needs, so the payment's currency and
    /// address are found with GetTransactions first, then the webhook is verified by CheckPayment.
    func verifyWebhook(_ request: WebhookRequest, options: WebhookOptions) async throws -> JSONValue {
        guard options.lookup else {
            throw PaymentError(
                .invalidRequest,
                message: "openpos webhooks carry no signature: pass --lookup to authenticate by fetching the payment",
                provider: id)
        }
        let client = try live(environment: options.environment, baseURL: options.baseURL)
        let addressBook = OpenPOSInMemoryAddressBook()
        if let notice = try? JSONCoding.makeDecoder().decode(OpenPOSWebhookEvent.self, from: request.body) {
            for try await transaction in try client.allTransactions(pageSize: 100)
            where transaction.paymentID == notice.paymentID {
                if let currency = transaction.currency, let address = transaction.address {
                    await addressBook.record(
                        OpenPOSPaymentReference(
                            paymentID: transaction.paymentID, currency: OpenPOSAssetMapping.asset(code: currency),
                            address: address))
                }
                break
            }
        }
        return try json(try await OpenPOSWebhook(client: client, addressBook: addressBook).verify(request))
    }

    func signWebhook(body: Data, secret: String, id: String, timestamp: Date) throws -> HeaderFields {
        throw unsignedRefusal()
    }

    /// A client for the real API: every variable `call` documents is required (`--base-url` replaces
    /// `OPENPOS_BASE_URL`), and operations called by name get `OPENPOS_POS_ID` as their `pos_id` unless their input
    /// names one.
    private func live(environment: [String: String], baseURL: URL?, middleware: [any HTTPMiddleware] = []) throws
        -> OpenPOSClient
    {
        let username = try required("OPENPOS_USERNAME", in: environment)
        let apiKey = try required("OPENPOS_API_KEY", in: environment)
        if baseURL == nil { _ = try required("OPENPOS_BASE_URL", in: environment) }
        let url = try self.baseURL(baseURL, variable: "OPENPOS_BASE_URL", in: environment)
        let posID = try required("OPENPOS_POS_ID", in: environment)
        return try OpenPOSClient(
            username: username,
            apiKey: apiKey,
            posID: posID,
            configuration: ClientConfiguration(
                baseURL: url, transport: URLSessionTransport.shared, middleware: middleware)
        )
    }
}
