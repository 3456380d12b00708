import CryptoPay
import CryptoPaySandbox
import XCTest

final class CheckoutTests: XCTestCase {
    func testAPaidCheckoutSendsAWebhookThatVerifies() async throws {
        let sandbox = SandboxTransport()
        let provider = UseGatewayProvider(
            client: try UseGatewayClient(apiKey: SandboxCredentials.useGateway.apiKey,
                configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .useGateway), transport: sandbox)),
            webhook: try UseGatewayWebhook(secret: SandboxCredentials.useGateway.webhookSecret))

        let checkout = try await provider.createCheckout(
            CheckoutRequest(amount: try Money("10.00", .usd), payAsset: .usdtTron, orderReference: "order-1"))
        let deliveries = try sandbox.pay(.useGateway, id: checkout.id)  // or .fraction(0.5), .exactly(4); expire(…)
        let event = try await provider.verifyWebhook(deliveries[0])     // signed exactly as UseGateway signs

        XCTAssertEqual(event.checkoutID, checkout.id)
        XCTAssertEqual(event.status, .paid)
    }
}
