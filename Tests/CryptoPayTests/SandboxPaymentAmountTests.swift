import CryptoPay
import CryptoPaySandbox
import Foundation
import TestKit
import XCTest

/// ``SandboxPayment/decimal(_:)`` and ``SandboxPayment/adding(_:)``: amounts of the pay asset, not fractions.
final class SandboxPaymentAmountTests: XCTestCase {
    private let sandbox = SandboxTransport()

    private func oneXGate() throws -> OneXGateProvider {
        OneXGateProvider(
            client: try OneXGateClient(
                apiKey: SandboxCredentials.oneXGate.apiKey,
                configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .oneXGate), transport: sandbox)))
    }

    private func useGateway() throws -> UseGatewayProvider {
        UseGatewayProvider(
            client: try UseGatewayClient(
                apiKey: SandboxCredentials.useGateway.apiKey,
                configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .useGateway), transport: sandbox)),
            webhook: nil)
    }

    func testExactlyPaysThatAmountAndAddingPaysTheRestPlusIt() async throws {
        let provider = try oneXGate()
        let created = try await provider.createCheckout(
            CheckoutRequest(
                amount: try Money("25", .usdtTron), orderReference: "amounts-1",
                successURL: URL(string: "https://shop.example/ok"), cancelURL: URL(string: "https://shop.example/no")))
        try sandbox.pay(.oneXGate, id: created.id, .exactly(try XCTUnwrap(DecimalText.parse("10.123456"))))
        let partial = try await provider.checkout(id: created.id)
        XCTAssertEqual(partial.paid?.amount, try XCTUnwrap(DecimalText.parse("10.123456")))
        XCTAssertEqual(partial.providerStatus, "partiallyPaid")

        try sandbox.pay(.oneXGate, id: created.id, .adding(try XCTUnwrap(DecimalText.parse("0.5"))))
        let over = try await provider.checkout(id: created.id)
        XCTAssertEqual(over.paid?.amount, try XCTUnwrap(DecimalText.parse("25.5")))
        XCTAssertEqual(over.providerStatus, "success")
    }

    func testUseGatewayNamesUnderAndOverpaymentsByTheAmountPaid() async throws {
        let provider = try useGateway()
        var statuses: [String] = []
        for payment in [SandboxPayment.exactly(4), .exactly(10), .adding(1), .fraction(0.5)] {
            let created = try await provider.createCheckout(
                CheckoutRequest(amount: Money(10, .usd), payAsset: .usdtTron, orderReference: "o"))
            try sandbox.pay(.useGateway, id: created.id, payment)
            statuses.append(try await provider.checkout(id: created.id).providerStatus)
        }
        XCTAssertEqual(
            statuses, ["Unresolved (Underpaid)", "Completed", "Unresolved (Overpaid)", "Unresolved (Underpaid)"])
    }
}
