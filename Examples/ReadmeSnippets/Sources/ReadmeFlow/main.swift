// Runs the README's flow at all five providers on the in-process sandbox: the unified checkout function, a payment,
// and the README's webhook handler answering 200, 200 again for the duplicate, 400 for a tampered body and 404 for
// a provider id that is not configured. Exits 1 on the first difference.
import Checkout
import CryptoPay
import CryptoPaySandbox
import Foundation

struct Failure: Error, CustomStringConvertible {
    let description: String
}

func expect(_ got: Int, _ wanted: Int, _ what: String) throws {
    guard got == wanted else { throw Failure(description: "\(what): answered \(got), expected \(wanted)") }
    print("  \(what): \(got)")
}

func sandboxProviders(_ sandbox: SandboxTransport) throws -> [any PaymentProvider] {
    func configuration(_ id: ProviderID) throws -> ClientConfiguration {
        ClientConfiguration(baseURL: try sandbox.baseURL(for: id), transport: sandbox)
    }
    return [
        UseGatewayProvider(
            client: try UseGatewayClient(
                apiKey: SandboxCredentials.useGateway.apiKey, configuration: try configuration(.useGateway)),
            webhook: try UseGatewayWebhook(secret: SandboxCredentials.useGateway.webhookSecret)),
        StoreGatewayProvider(
            client: try StoreGatewayClient(
                apiKey: SandboxCredentials.storeGateway.apiKey, apiSecret: SandboxCredentials.storeGateway.apiSecret,
                configuration: try configuration(.storeGateway)),
            webhook: try StoreGatewayWebhook(secret: SandboxCredentials.storeGateway.webhookSecret)),
        USDTInvoiceProvider(
            client: try USDTInvoiceClient(
                apiKey: SandboxCredentials.usdtInvoice.apiKey, configuration: try configuration(.usdtInvoice)),
            webhook: try USDTInvoiceWebhook(secret: SandboxCredentials.usdtInvoice.webhookSecret)),
        OneXGateProvider(
            client: try OneXGateClient(
                apiKey: SandboxCredentials.oneXGate.apiKey, configuration: try configuration(.oneXGate))),
        OpenPOSProvider(
            client: try OpenPOSClient(
                username: SandboxCredentials.openPOS.username, apiKey: SandboxCredentials.openPOS.apiKey,
                posID: SandboxCredentials.openPOS.posID, configuration: try configuration(.openPOS))),
    ]
}

func run() async throws {
    let sandbox = SandboxTransport()
    let list = try sandboxProviders(sandbox)
    for provider in list {
        // An order book per provider: checkout ids are unique only within one provider.
        let orders = Orders()
        let shop = Shop(providers: ProviderRegistry(list), orders: orders)
        let id = provider.provider
        let checkout = try await startCheckoutAsInREADME(order: "readme-\(id)", at: provider)
        print("\(id): checkout \(checkout.id) \(checkout.requested.map { "\($0)" } ?? "-") \(checkout.status)")
        let deliveries = try sandbox.pay(id, id: checkout.id)
        guard let delivery = deliveries.first else { throw Failure(description: "\(id): no webhook after paying") }
        let headers = delivery.headers.map { (name: $0.name, value: $0.value) }
        for (index, each) in deliveries.enumerated() {
            let pairs = each.headers.map { (name: $0.name, value: $0.value) }
            try expect(
                await shop.webhookStatus(provider: id.rawValue, body: each.body, headers: pairs), 200,
                "delivery \(index + 1) of \(deliveries.count)")
        }
        try expect(
            await shop.webhookStatus(provider: id.rawValue, body: delivery.body, headers: headers), 200, "duplicate")
        let applied = await orders.applied[checkout.id] ?? []
        guard applied.last == .paid, applied.count == deliveries.count else {
            throw Failure(description: "\(id): the order book holds \(applied) after \(deliveries.count) deliveries")
        }
        print("  applied once each: \(applied)")
        // A changed status: a signature no longer matches, and an unsigned notice disagrees with the provider's API
        // (changing an unsigned notice's payment id would be a 5xx by design: a payment the POS address book does not
        // know may be one another instance created).
        let body = String(decoding: delivery.body, as: UTF8.self)
        var forged = body.replacingOccurrences(of: #""status":"confirmed""#, with: #""status":"cancelled""#)
            .replacingOccurrences(of: #""status":"success""#, with: #""status":"expired""#)
        if forged == body { forged = body.replacingOccurrences(of: checkout.id, with: "f0rged") }
        let tampered = Data(forged.utf8)
        guard tampered != delivery.body else { throw Failure(description: "\(id): nothing to tamper with") }
        try expect(
            await shop.webhookStatus(provider: id.rawValue, body: tampered, headers: headers), 400, "tampered body")
        try expect(
            await shop.webhookStatus(provider: "nosuchprovider", body: delivery.body, headers: headers), 404,
            "unknown provider id")
    }
    print("README flow: all five providers OK")
}

do {
    try await run()
} catch {
    print("README flow FAILED: \(error)")
    exit(1)
}
