import CryptoPay
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

/// Each adapter over a fresh ``ReplayTransport`` with retries off, so that every request the adapter sends is
/// scripted and recorded by the test.
enum Adapters {
    static let useGatewayBase = URL(string: "https://api.usegateway.net/v1")
    static let storeGatewayBase = URL(string: "https://gateway.example.com/int")
    static let usdtInvoiceBase = URL(string: "https://api.example.com")
    static let oneXGateBase = URL(string: "https://api.1xgate.com")
    static let openPOSBase = URL(string: "https://api.demoURL.com/v2")

    private static func configuration(_ baseURL: URL?, _ transport: ReplayTransport) -> ClientConfiguration {
        ClientConfiguration(baseURL: baseURL, transport: transport, retryPolicy: .none)
    }

    static func useGateway() throws -> (UseGatewayProvider, ReplayTransport) {
        let transport = ReplayTransport()
        let client = try UseGatewayClient(
            apiKey: "ug_test_key", configuration: configuration(useGatewayBase, transport))
        return (UseGatewayProvider(client: client, webhook: nil), transport)
    }

    static func storeGateway() throws -> (StoreGatewayProvider, ReplayTransport) {
        let transport = ReplayTransport()
        let client = try StoreGatewayClient(
            apiKey: "sg_test_key", apiSecret: "sg_test_secret",
            configuration: configuration(storeGatewayBase, transport))
        return (StoreGatewayProvider(client: client, webhook: nil), transport)
    }

    static func usdtInvoice() throws -> (USDTInvoiceProvider, ReplayTransport) {
        let transport = ReplayTransport()
        let client = try USDTInvoiceClient(
            apiKey: "test_usdt_key", configuration: configuration(usdtInvoiceBase, transport))
        return (USDTInvoiceProvider(client: client, webhook: nil), transport)
    }

    static func oneXGate() throws -> (OneXGateProvider, ReplayTransport) {
        let transport = ReplayTransport()
        let client = try OneXGateClient(apiKey: "oxg_test_key", configuration: configuration(oneXGateBase, transport))
        return (OneXGateProvider(client: client), transport)
    }

    static func openPOS(
        addressBook: (any OpenPOSAddressBook)? = nil
    ) throws -> (OpenPOSProvider, ReplayTransport) {
        let transport = ReplayTransport()
        let client = try OpenPOSClient(
            username: "merchant", apiKey: "pos_test_key", posID: "POS1",
            configuration: configuration(openPOSBase, transport), addressBook: addressBook)
        return (OpenPOSProvider(client: client), transport)
    }
}

/// A fixture as JSON with `changes` applied to its top-level object, as response text.
func fixture(_ path: String, changing changes: [String: JSONValue] = [:]) throws -> String {
    guard case .object(var object) = try Fixtures.json(path) else {
        throw FixtureError(message: "\(path) is not a JSON object")
    }
    for (key, value) in changes { object[key] = value }
    return String(decoding: try JSONCoding.makeEncoder().encode(JSONValue.object(object)), as: UTF8.self)
}
