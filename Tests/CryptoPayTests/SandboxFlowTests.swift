import CryptoPay
import CryptoPaySandbox
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Each provider through ``PaymentProvider`` on the sandbox: create, pay, webhook, verify, fetch.
final class SandboxFlowTests: XCTestCase {
    private let sandbox = SandboxTransport()

    private func useGateway() throws -> UseGatewayProvider {
        UseGatewayProvider(
            client: try UseGatewayClient(
                apiKey: SandboxCredentials.useGateway.apiKey,
                configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .useGateway), transport: sandbox)),
            webhook: try UseGatewayWebhook(secret: SandboxCredentials.useGateway.webhookSecret)
        )
    }

    private func oneXGate(key: String = SandboxCredentials.oneXGate.apiKey) throws -> OneXGateProvider {
        OneXGateProvider(
            client: try OneXGateClient(
                apiKey: key,
                configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .oneXGate), transport: sandbox)))
    }

    private func request(_ amount: Money, payAsset: Asset? = nil) -> CheckoutRequest {
        CheckoutRequest(
            amount: amount, payAsset: payAsset, orderReference: "order-\(UUID().uuidString.prefix(8))",
            successURL: URL(string: "https://shop.example/ok"), cancelURL: URL(string: "https://shop.example/no"))
    }

    func testUseGatewayCheckoutIsPaidAndTheSignedWebhookSaysSo() async throws {
        let provider = try useGateway()
        let created = try await provider.createCheckout(request(try Money("10.00", .usd), payAsset: .usdtTron))

        XCTAssertEqual(created.provider, .useGateway)
        XCTAssertEqual(created.status, .pending)
        XCTAssertEqual(created.providerStatus, "Opened")
        XCTAssertEqual(created.requested, try Money("10", .usd))
        XCTAssertEqual(created.payAsset, .usdtTron)
        XCTAssertEqual(created.payAddress, "SBX-USDT_TRC20-SBX00001")
        XCTAssertNil(created.paid)

        let deliveries = try sandbox.pay(.useGateway, id: created.id)
        let event = try await provider.verifyWebhook(try XCTUnwrap(deliveries.first))

        XCTAssertEqual(event.authentication, .signature)
        XCTAssertEqual(event.idempotencyKey, "msg_sandbox_1")
        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.providerStatus, "Completed")
        XCTAssertEqual(event.paid, try Money("10", .usd))
        let final = try await provider.checkout(id: created.id)
        XCTAssertEqual(final.status, .paid)
    }

    func testUseGatewayPartialPaymentNeedsReviewAndCancelIsRefusedAfterPayment() async throws {
        let provider = try useGateway()
        let created = try await provider.createCheckout(request(try Money("20", .eur)))
        try sandbox.pay(.useGateway, id: created.id, .fraction(try XCTUnwrap(DecimalText.parse("0.5"))))

        let fetched = try await provider.checkout(id: created.id)
        XCTAssertEqual(fetched.status, .needsReview)
        XCTAssertEqual(fetched.providerStatus, "Unresolved (Underpaid)")
        XCTAssertEqual(fetched.paid, try Money("10", .eur))
        do {
            _ = try await provider.cancelCheckout(id: created.id)
            XCTFail("a paid checkout cannot be cancelled")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .validation)
            XCTAssertEqual(error.httpStatus, 400)
        }
    }

    func testUseGatewayRefusesWhatItCannotExpressBeforeSending() async throws {
        let provider = try useGateway()
        for request in [
            request(try Money("25", .usdtTron)),
            request(try Money("10", .usd), payAsset: .busdBSC),
            CheckoutRequest(amount: Money(10, .usd), orderReference: "o", expiresIn: .seconds(600)),
        ] {
            do {
                _ = try await provider.createCheckout(request)
                XCTFail("\(request) must be refused")
            } catch let error as PaymentError {
                XCTAssertEqual(error.kind, .invalidRequest)
                XCTAssertEqual(error.provider, .useGateway)
                XCTAssertEqual(error.operation, "checkouts.create")
            }
        }
    }

    func testOneXGateWebhookIsAuthenticatedByLookupAgainstTheSandbox() async throws {
        let provider = try oneXGate()
        let created = try await provider.createCheckout(request(try Money("25", .usdtTron)))
        XCTAssertEqual(created.status, .pending)
        XCTAssertEqual(created.providerStatus, "pending")
        XCTAssertEqual(created.payAddress, "SBX-USDT-\(created.id)")

        let delivery = try XCTUnwrap(try sandbox.pay(.oneXGate, id: created.id).first)
        let event = try await provider.verifyWebhook(delivery)

        XCTAssertEqual(event.authentication, .lookup)
        XCTAssertEqual(event.status, .paid)
        XCTAssertEqual(event.providerStatus, "success")
        XCTAssertEqual(event.paid, try Money("25", .usdtTron))
        XCTAssertEqual(event.idempotencyKey, "\(created.id):success:25")
    }

    func testOneXGateForgedWebhookIsRejectedByTheLookup() async throws {
        let provider = try oneXGate()
        let created = try await provider.createCheckout(request(try Money("25", .usdtTron)))
        let forged = WebhookRequest(
            body: Data(
                #"{"_id":"\#(created.id)","type":"payment","status":"success","amount":25,"amountPaid":25,"currency":"usdt","network":"trx"}"#
                    .utf8),
            headers: HeaderFields())

        do {
            _ = try await provider.verifyWebhook(forged)
            XCTFail("a webhook claiming success for a pending payment must be rejected")
        } catch let error as PaymentError {
            XCTAssertEqual(error.webhookRejection, .notConfirmedByProvider(field: "status"))
        }
    }

    func testOneXGateHasNoCancelAndExpiryIsReported() async throws {
        let provider = try oneXGate()
        let created = try await provider.createCheckout(request(try Money("0.001", .btc)))
        do {
            _ = try await provider.cancelCheckout(id: created.id)
            XCTFail("1xGate has no cancel")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .invalidRequest)
        }
        try sandbox.expire(.oneXGate, id: created.id)
        let expired = try await provider.checkout(id: created.id)
        XCTAssertEqual(expired.status, .expired)
    }

    func testWrongCredentialsGetTheProvidersOwn401() async throws {
        let provider = try oneXGate(key: "not-the-sandbox-key")
        do {
            _ = try await provider.checkout(id: "x")
            XCTFail("expected authentication")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .authentication)
            XCTAssertEqual(error.httpStatus, 401)
            XCTAssertEqual(error.message, "Unauthorized")
        }
    }

    func testUnknownCheckoutIsNotFoundAndControlCallsRefuseUnknownIDs() async throws {
        let provider = try useGateway()
        do {
            _ = try await provider.checkout(id: "missing")
            XCTFail("expected notFound")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .notFound)
        }
        XCTAssertThrowsError(try sandbox.pay(.useGateway, id: "missing")) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .notFound)
        }
    }

    func testWaitForFinalStatusPollsTheSandboxUntilPaid() async throws {
        let provider = try useGateway()
        let created = try await provider.createCheckout(request(Money(5, .usd)))
        let clock = ManualClock()
        let sandbox = self.sandbox
        let id = created.id
        let payer = Task {
            while clock.sleeps.isEmpty { await Task.yield() }
            try sandbox.pay(.useGateway, id: id)
        }
        let final = try await provider.waitForFinalStatus(id: id, pollEvery: .seconds(5), clock: clock.waitClock)
        try await payer.value
        XCTAssertEqual(final.status, .paid)
    }

    func testRegistryRoutesWebhooksByProvider() async throws {
        let providers = ProviderRegistry([try useGateway(), try oneXGate()])
        XCTAssertEqual(providers.ids, [.oneXGate, .useGateway])
        let created = try await providers.provider(.oneXGate).createCheckout(request(try Money("1", .ltc)))
        let delivery = try XCTUnwrap(try sandbox.pay(.oneXGate, id: created.id).first)

        let event = try await providers.verifyWebhook(delivery, for: .oneXGate)

        XCTAssertEqual(event.checkoutID, created.id)
        XCTAssertThrowsError(try providers.provider(.openPOS)) {
            XCTAssertEqual(($0 as? PaymentError)?.kind, .notFound)
        }
    }

    /// A webhook route answers 404 for a provider it does not serve, told apart from a provider's own 404 (which
    /// carries its HTTP status) and from a rejection.
    func testAWebhookForAnUnconfiguredProviderIsNotFoundWithoutAnHTTPStatus() async throws {
        let providers = ProviderRegistry([try useGateway()])
        let delivery = WebhookRequest(body: Data("{}".utf8), headers: ["Content-Type": "application/json"])

        do {
            _ = try await providers.verifyWebhook(delivery, for: ProviderID(rawValue: "nosuchprovider"))
            XCTFail("an unconfigured provider verified a webhook")
        } catch let error as PaymentError {
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertEqual(error.provider, ProviderID(rawValue: "nosuchprovider"))
            XCTAssertNil(error.httpStatus)
            XCTAssertNil(error.webhookRejection)
            XCTAssertEqual(error.message, "no provider nosuchprovider is configured; configured: usegateway")
        }
    }
}
