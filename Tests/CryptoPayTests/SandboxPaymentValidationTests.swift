import CryptoPay
import CryptoPaySandbox
import Foundation
import TestKit
import XCTest

/// A ``SandboxPayment`` whose number cannot mean what its case says is refused, not paid in some other way; the POS
/// sandbox credentials name a `pos_id`.
final class SandboxPaymentValidationTests: XCTestCase {
    private let sandbox = SandboxTransport()

    private func oneXGateCheckout() async throws -> (OneXGateProvider, Checkout) {
        let provider = OneXGateProvider(
            client: try OneXGateClient(
                apiKey: SandboxCredentials.oneXGate.apiKey,
                configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .oneXGate), transport: sandbox)))
        let checkout = try await provider.createCheckout(
            CheckoutRequest(
                amount: Money(25, .usdtTron), orderReference: "fraction-1",
                successURL: URL(string: "https://shop.example/ok"), cancelURL: URL(string: "https://shop.example/no")))
        return (provider, checkout)
    }

    func testFractionOfOneOrMoreIsRefusedAndPaysNothing() async throws {
        let (provider, checkout) = try await oneXGateCheckout()
        for payment in [SandboxPayment.fraction(1), .fraction(5), .fraction(0), .over(0), .exactly(-1), .adding(-1)] {
            do {
                try sandbox.pay(.oneXGate, id: checkout.id, payment)
                XCTFail("\(payment) was paid")
            } catch let error as PaymentError {
                XCTAssertEqual(error.kind, .invalidRequest, "\(payment)")
            }
        }
        let unpaid = try await provider.checkout(id: checkout.id)
        XCTAssertEqual(unpaid.providerStatus, "pending")
        do {
            try sandbox.pay(.oneXGate, id: checkout.id, .fraction(1))
            XCTFail("fraction(1) was paid")
        } catch let error as PaymentError {
            XCTAssertEqual(
                error.message,
                "SandboxPayment.fraction takes a fraction strictly between 0 and 1 (0.5 pays half), got 1; to pay an "
                    + "amount of the pay asset use .exactly(1)")
        }
    }

    func testAFractionBelowOnePaysThatShare() async throws {
        let (provider, checkout) = try await oneXGateCheckout()
        try sandbox.pay(.oneXGate, id: checkout.id, .fraction(try XCTUnwrap(DecimalText.parse("0.4"))))
        let partlyPaid = try await provider.checkout(id: checkout.id)
        XCTAssertEqual(partlyPaid.paid, Money(10, .usdtTron))
    }

    func testPOSCredentialsNameAPointOfServiceTheSandboxTakes() async throws {
        XCTAssertEqual(SandboxCredentials.openPOS.posID, "POS1")
        XCTAssertEqual(SandboxCredentials.useGateway.posID, "")
        let provider = OpenPOSProvider(
            client: try OpenPOSClient(
                username: SandboxCredentials.openPOS.username, apiKey: SandboxCredentials.openPOS.apiKey,
                posID: SandboxCredentials.openPOS.posID,
                configuration: ClientConfiguration(baseURL: try sandbox.baseURL(for: .openPOS), transport: sandbox)))
        let checkout = try await provider.createCheckout(
            CheckoutRequest(amount: Money(10, .eur), payAsset: .btc, orderReference: "pos-1"))
        XCTAssertEqual(checkout.status, .pending)
        XCTAssertEqual(try sandbox.checkouts(.openPOS).map(\.id), [checkout.id])
    }
}
