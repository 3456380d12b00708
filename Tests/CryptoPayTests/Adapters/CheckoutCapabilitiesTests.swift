import CryptoPay
import CryptoPaySandbox
import Foundation
import TestKit
import XCTest

/// Every adapter's ``PaymentProvider/capabilities`` against what its `createCheckout` really does, on the stateful
/// sandbox (so that an accepted request is really created, not only scripted): requests are built from the
/// capabilities alone, a field marked unsupported is refused naming it, a required one is refused when missing, an
/// accepted one is taken, and the price assets, expiry range and cancellation are as stated.
final class CheckoutCapabilitiesTests: XCTestCase {
    private let sandbox = SandboxTransport()
    private var serial = 0

    /// One optional field of the request: how to set it.
    private struct Field {
        let name: String
        let support: KeyPath<CheckoutCapabilities, CheckoutCapabilities.Support>
        let set: (inout CheckoutRequest) -> Void
        let clear: (inout CheckoutRequest) -> Void
    }

    private static var fields: [Field] {
        [
            Field(
                name: "description", support: \.description, set: { $0.description = "Two mugs" },
                clear: { $0.description = nil }),
            Field(
                name: "payerEmail", support: \.payerEmail, set: { $0.payerEmail = "payer@example.com" },
                clear: { $0.payerEmail = nil }),
            Field(
                name: "successURL", support: \.successURL,
                set: { $0.successURL = URL(string: "https://shop.example/ok") },
                clear: { $0.successURL = nil }),
            Field(
                name: "cancelURL", support: \.cancelURL, set: { $0.cancelURL = URL(string: "https://shop.example/no") },
                clear: { $0.cancelURL = nil }),
            Field(
                name: "callbackURL", support: \.callbackURL,
                set: { $0.callbackURL = URL(string: "https://shop.example/hooks") }, clear: { $0.callbackURL = nil }),
            Field(
                name: "metadata", support: \.metadata, set: { $0.metadata = ["cart": "c-7"] },
                clear: { $0.metadata = [:] }
            ),
        ]
    }

    private func providers() throws -> [any PaymentProvider] {
        func configuration(_ id: ProviderID) throws -> ClientConfiguration {
            ClientConfiguration(baseURL: try sandbox.baseURL(for: id), transport: sandbox)
        }
        return [
            UseGatewayProvider(
                client: try UseGatewayClient(
                    apiKey: SandboxCredentials.useGateway.apiKey, configuration: try configuration(.useGateway)),
                webhook: nil),
            StoreGatewayProvider(
                client: try StoreGatewayClient(
                    apiKey: SandboxCredentials.storeGateway.apiKey,
                    apiSecret: SandboxCredentials.storeGateway.apiSecret,
                    configuration: try configuration(.storeGateway)),
                webhook: nil),
            USDTInvoiceProvider(
                client: try USDTInvoiceClient(
                    apiKey: SandboxCredentials.usdtInvoice.apiKey, configuration: try configuration(.usdtInvoice)),
                webhook: nil),
            OneXGateProvider(
                client: try OneXGateClient(
                    apiKey: SandboxCredentials.oneXGate.apiKey, configuration: try configuration(.oneXGate))),
            OpenPOSProvider(
                client: try OpenPOSClient(
                    username: SandboxCredentials.openPOS.username, apiKey: SandboxCredentials.openPOS.apiKey,
                    posID: SandboxCredentials.openPOS.posID, configuration: try configuration(.openPOS))),
        ]
    }

    /// The smallest request the capabilities say is accepted: a price the provider takes, and every required
    /// field set.
    private func base(_ capabilities: CheckoutCapabilities) throws -> CheckoutRequest {
        serial += 1
        let amount =
            capabilities.fiatPrices
            ? Money(10, .usd) : Money(10, try XCTUnwrap(capabilities.cryptoPrices.first, "no price asset at all"))
        var request = CheckoutRequest(amount: amount, orderReference: "caps-\(serial)")
        if capabilities.fiatPrices, capabilities.payAsset == .required {
            request.payAsset = try XCTUnwrap(capabilities.payAssets.first, "a required pay asset with none listed")
        }
        for field in Self.fields where capabilities[keyPath: field.support] == .required {
            field.set(&request)
        }
        return request
    }

    private func assertAccepted(
        _ request: CheckoutRequest, by provider: any PaymentProvider, _ label: String, line: UInt = #line
    ) async {
        do {
            _ = try await provider.createCheckout(request)
        } catch {
            XCTFail("\(provider.provider) \(label): refused \(error)", line: line)
        }
    }

    private func assertRefused(
        _ request: CheckoutRequest, by provider: any PaymentProvider, naming field: String?, _ label: String,
        line: UInt = #line
    ) async throws {
        let error = try await paymentError(line: line) { _ = try await provider.createCheckout(request) }
        XCTAssertEqual(error.kind, .invalidRequest, "\(provider.provider) \(label)", line: line)
        XCTAssertEqual(error.provider, provider.provider, "\(provider.provider) \(label)", line: line)
        if let field {
            XCTAssertTrue(
                error.message.contains("CheckoutRequest.\(field)") == true,
                "\(provider.provider) \(label): \(error.message)", line: line)
        }
    }

    func testEveryProviderIsDescribed() throws {
        let described = try providers().map { ($0.provider, $0.capabilities.canCancel, $0.capabilities.fiatPrices) }
        XCTAssertEqual(described.map(\.0), [.useGateway, .storeGateway, .usdtInvoice, .oneXGate, .openPOS])
        XCTAssertEqual(described.map(\.1), [true, false, true, false, true])
        XCTAssertEqual(described.map(\.2), [true, true, false, false, true])
    }

    func testEachFieldIsRefusedTakenOrRequiredAsTheCapabilitiesSay() async throws {
        for provider in try providers() {
            let capabilities = provider.capabilities
            await assertAccepted(try base(capabilities), by: provider, "the base request")
            for field in Self.fields {
                var request = try base(capabilities)
                switch capabilities[keyPath: field.support] {
                case .unsupported:
                    field.set(&request)
                    try await assertRefused(request, by: provider, naming: field.name, "\(field.name) set")
                case .optional:
                    field.set(&request)
                    await assertAccepted(request, by: provider, "\(field.name) set")
                case .required:
                    field.clear(&request)
                    try await assertRefused(request, by: provider, naming: field.name, "\(field.name) missing")
                }
            }
        }
    }

    func testPricesAndPayAssetsAreTheOnesListed() async throws {
        for provider in try providers() {
            let capabilities = provider.capabilities
            for asset in capabilities.cryptoPrices {
                XCTAssertTrue(capabilities.acceptsPrice(in: asset))
                var request = try base(capabilities)
                request.amount = Money(10, asset)
                request.payAsset = nil
                await assertAccepted(request, by: provider, "a price in \(asset)")
                request = try base(capabilities)
                request.amount = Money(10, asset)
                request.payAsset = asset
                await assertAccepted(request, by: provider, "a price in \(asset) paid in it")
            }
            if !capabilities.cryptoPrices.contains(.busdBSC) {
                var request = try base(capabilities)
                request.amount = Money(10, .busdBSC)
                request.payAsset = nil
                try await assertRefused(request, by: provider, naming: nil, "a price in an unlisted crypto")
            }
            var fiat = try base(capabilities)
            fiat.amount = Money(10, .usd)
            guard capabilities.fiatPrices else {
                XCTAssertEqual(capabilities.payAssets, [], "\(provider.provider): pay assets without fiat prices")
                fiat.payAsset = nil
                try await assertRefused(fiat, by: provider, naming: nil, "a fiat price")
                continue
            }
            for asset in capabilities.payAssets {
                fiat = try base(capabilities)
                fiat.payAsset = asset
                await assertAccepted(fiat, by: provider, "a dollar price paid in \(asset)")
            }
            fiat = try base(capabilities)
            fiat.payAsset = nil
            if capabilities.payAsset == .required {
                try await assertRefused(fiat, by: provider, naming: "payAsset", "a dollar price without a pay asset")
            } else {
                await assertAccepted(fiat, by: provider, "a dollar price without a pay asset")
            }
        }
    }

    func testExpiryIsTakenExactlyInsideTheRange() async throws {
        for provider in try providers() {
            let capabilities = provider.capabilities
            var request = try base(capabilities)
            guard let range = capabilities.expiry else {
                request.expiresIn = .seconds(900)
                try await assertRefused(request, by: provider, naming: "expiresIn", "an expiry")
                continue
            }
            for accepted in [range.lowerBound, range.upperBound] {
                request = try base(capabilities)
                request.expiresIn = accepted
                await assertAccepted(request, by: provider, "expiry \(accepted)")
            }
            for refused in [range.lowerBound - .seconds(60), range.upperBound + .seconds(60)] {
                request = try base(capabilities)
                request.expiresIn = refused
                try await assertRefused(request, by: provider, naming: nil, "expiry \(refused)")
            }
        }
    }

    func testCancellationIsAvailableExactlyWhereTheCapabilitiesSay() async throws {
        for provider in try providers() {
            let created = try await provider.createCheckout(try base(provider.capabilities))
            if provider.capabilities.canCancel {
                let cancelled = try await provider.cancelCheckout(id: created.id)
                XCTAssertEqual(cancelled.status, .cancelled, "\(provider.provider)")
            } else {
                let error = try await paymentError { _ = try await provider.cancelCheckout(id: created.id) }
                XCTAssertEqual(error.kind, .invalidRequest, "\(provider.provider)")
            }
        }
    }
}
