import CryptoPay
import CryptoPaySandbox
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// ``ProviderRegistry/handleWebhook(_:for:apply:)`` over a shared ``ProcessedWebhookStore``: each event applied once
/// across instances, a failed effect released for the next delivery, rejections never claimed.
final class WebhookHandlingTests: XCTestCase {
    private let sandbox = SandboxTransport()

    /// Two "instances" of a merchant's server: separate provider registries sharing one store, as two processes
    /// share one database.
    private func instance(sharing store: any ProcessedWebhookStore) throws -> ProviderRegistry {
        ProviderRegistry(
            [
                UseGatewayProvider(
                    client: try UseGatewayClient(
                        apiKey: SandboxCredentials.useGateway.apiKey,
                        configuration: ClientConfiguration(
                            baseURL: try sandbox.baseURL(for: .useGateway), transport: sandbox)),
                    webhook: try UseGatewayWebhook(secret: SandboxCredentials.useGateway.webhookSecret))
            ],
            processedWebhooks: store)
    }

    private func paidDelivery(through providers: ProviderRegistry) async throws -> WebhookRequest {
        let checkout = try await providers.provider(.useGateway).createCheckout(
            CheckoutRequest(
                amount: try Money("10.00", .usd), payAsset: .usdtTron, orderReference: "order-1",
                successURL: URL(string: "https://shop.example/ok"), cancelURL: URL(string: "https://shop.example/no")))
        return try XCTUnwrap(try sandbox.pay(.useGateway, id: checkout.id).first)
    }

    func testEachEventIsAppliedOnceAcrossInstancesSharingAStore() async throws {
        let store = SeenEventStore.withDefaults()
        let first = try instance(sharing: store)
        let second = try instance(sharing: store)
        let delivery = try await paidDelivery(through: first)
        let applied = Counter()

        let a = try await first.handleWebhook(delivery, for: .useGateway) { _ in await applied.increment() }
        let b = try await second.handleWebhook(delivery, for: .useGateway) { _ in await applied.increment() }
        let c = try await first.handleWebhook(delivery, for: .useGateway) { _ in await applied.increment() }

        guard case .applied(let event) = a else { return XCTFail("first delivery: \(a)") }
        guard case .duplicate = b, case .duplicate = c else { return XCTFail("redeliveries: \(b), \(c)") }
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(b.event.idempotencyKey, event.idempotencyKey)
        let count = await applied.value
        XCTAssertEqual(count, 1)
    }

    func testAFailedEffectIsReleasedSoTheNextDeliveryAppliesIt() async throws {
        let providers = try instance(sharing: SeenEventStore.withDefaults())
        let delivery = try await paidDelivery(through: providers)
        struct DatabaseDown: Error {}

        do {
            _ = try await providers.handleWebhook(delivery, for: .useGateway) { _ in throw DatabaseDown() }
            XCTFail("the effect's error must reach the caller")
        } catch is DatabaseDown {}
        let retried = try await providers.handleWebhook(delivery, for: .useGateway) { _ in }

        guard case .applied = retried else { return XCTFail("the redelivery after a failure: \(retried)") }
    }

    func testARejectedDeliveryClaimsNothing() async throws {
        let store = SeenEventStore.withDefaults()
        let providers = try instance(sharing: store)
        let delivery = try await paidDelivery(through: providers)
        var forged = delivery
        forged.body = Data(
            String(decoding: delivery.body, as: UTF8.self).replacingOccurrences(of: "10", with: "99").utf8)

        do {
            _ = try await providers.handleWebhook(forged, for: .useGateway) { _ in XCTFail("must not apply") }
            XCTFail("a tampered delivery must be rejected")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .webhookRejected)
        }
        XCTAssertEqual(store.count, 0)
    }

    func testTheInMemoryStoreClaimsPerProvider() async throws {
        let store = SeenEventStore.withDefaults()

        let first = await store.claim("evt_1", provider: .useGateway)
        let again = await store.claim("evt_1", provider: .useGateway)
        let otherProvider = await store.claim("evt_1", provider: .oneXGate)
        await store.release("evt_1", provider: .useGateway)
        let afterRelease = await store.claim("evt_1", provider: .useGateway)

        XCTAssertEqual([first, again, otherProvider, afterRelease], [true, false, true, true])
    }
}

private actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
