import CryptoPay
import CryptoPaySandbox
import Foundation
import TestKit
import XCTest

/// A registry built from configuration reaches every provider, and never shows a secret.
final class ProviderSettingsTests: XCTestCase {
    private let sandbox = SandboxTransport()

    private func configuration(_ provider: ProviderID) throws -> ClientConfiguration {
        ClientConfiguration(baseURL: try sandbox.baseURL(for: provider), transport: sandbox)
    }

    private func settings() throws -> [ProviderSettings] {
        [
            .useGateway(
                apiKey: SandboxCredentials.useGateway.apiKey,
                webhookSecrets: [SandboxCredentials.useGateway.webhookSecret],
                configuration: try configuration(.useGateway)),
            .storeGateway(
                apiKey: SandboxCredentials.storeGateway.apiKey, apiSecret: SandboxCredentials.storeGateway.apiSecret,
                webhookSecrets: [SandboxCredentials.storeGateway.webhookSecret],
                configuration: try configuration(.storeGateway)),
            .usdtInvoice(
                apiKey: SandboxCredentials.usdtInvoice.apiKey,
                webhookSecrets: [SandboxCredentials.usdtInvoice.webhookSecret],
                configuration: try configuration(.usdtInvoice)),
            .oneXGate(apiKey: SandboxCredentials.oneXGate.apiKey, configuration: try configuration(.oneXGate)),
            .openPOS(
                username: SandboxCredentials.openPOS.username, apiKey: SandboxCredentials.openPOS.apiKey,
                posID: "1", configuration: try configuration(.openPOS)),
        ]
    }

    func testEveryProviderIsBuiltAndRoutedByID() throws {
        let providers = try ProviderRegistry(settings: settings())

        XCTAssertEqual(providers.ids, [.oneXGate, .openPOS, .storeGateway, .usdtInvoice, .useGateway])
        for id in providers.ids {
            XCTAssertEqual(try providers.provider(id).provider, id)
        }
    }

    func testWebhooksOfASignedProviderAreVerifiedThroughTheRegistry() async throws {
        let providers = try ProviderRegistry(settings: settings())
        let created = try await providers.provider(.useGateway).createCheckout(
            CheckoutRequest(amount: Money(3, .usd), orderReference: "settings-1"))
        let delivery = try XCTUnwrap(try sandbox.pay(.useGateway, id: created.id).first)

        let event = try await providers.verifyWebhook(delivery, for: .useGateway)

        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.authentication, .signature)
    }

    func testBadSettingsAreRefusedNamingTheProviderNotTheSecret() throws {
        XCTAssertThrowsError(
            try ProviderRegistry(settings: [
                .storeGateway(apiKey: "key", apiSecret: "TOPSECRET", webhookSecrets: [], configuration: .default)
            ])
        ) { error in
            let error = error as? PaymentError
            XCTAssertEqual(error?.kind, .invalidRequest)
            XCTAssertEqual(error?.provider, .storeGateway)
            XCTAssertFalse(String(describing: error).contains("TOPSECRET"))
        }
    }

    func testSettingsNeverShowTheirSecrets() throws {
        let settings = ProviderSettings.usdtInvoice(
            apiKey: "test_TOPSECRET", webhookSecrets: ["WEBHOOKSECRET"], configuration: .default)
        var dumped = ""
        dump(settings, to: &dumped)
        for text in [String(describing: settings), String(reflecting: settings), dumped] {
            XCTAssertFalse(text.contains("TOPSECRET"))
            XCTAssertFalse(text.contains("WEBHOOKSECRET"))
        }
        XCTAssertEqual(settings.description, "ProviderSettings(usdtinvoice)")
    }
}
