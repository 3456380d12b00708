import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

final class SettingsTests: XCTestCase {
    func testPaymentSettingsArePublicAndUnwrapped() async throws {
        let (client, transport) = try makeClient()
        try transport.enqueue(fixture: "OneXGate/settings_payment.json")

        let settings = try await client.settings.payment()

        let request = try transport.lastRequest()
        try request.expect(.get, "/v1/settings/payment")
        try request.expectHeader("x-integration-key", nil)
        try request.expectHeader("Accept", "application/json")
        try request.expectJSONBody(nil as JSONValue?)
        XCTAssertEqual(request.request.operation, "settings.payment")
        XCTAssertEqual(settings.assets, [.usdtTron, .ltc, .btc, .eth])
        XCTAssertEqual(settings.currencies.first?.iconURL?.absoluteString, "https://api.1xgate.com/icons/usdt.png")
        XCTAssertEqual(settings.entry(for: .usdtTron)?.network.maximum, 15000)
        XCTAssertEqual(settings.entry(for: .btc)?.network.waitingDuration, .seconds(900))
    }

    func testIconsAreResolvedAgainstTheConfiguredBaseURL() async throws {
        let (client, transport) = try makeClient(baseURL: URL(string: "http://127.0.0.1:8080/"))
        try transport.enqueue(fixture: "OneXGate/settings_payment.json")

        let settings = try await client.settings.payment()

        try transport.lastRequest().expect(.get, "/v1/settings/payment")
        XCTAssertEqual(settings.currencies[1].iconURL?.absoluteString, "http://127.0.0.1:8080/icons/ltc.png")
        XCTAssertEqual(
            settings.currencies[1].networks.first?.iconURL?.absoluteString,
            "http://127.0.0.1:8080/icons/ltc.png"
        )
        XCTAssertEqual(settings.currencies[1].icon, "/icons/ltc.png")
    }

    func testEveryIconOfTheFixtureIsResolvedAgainstABaseWithAPath() async throws {
        let (client, transport) = try makeClient(baseURL: URL(string: "https://127.0.0.1/v1"))
        try transport.enqueue(fixture: "OneXGate/settings_payment.json")

        let settings = try await client.settings.payment()

        let icons = settings.currencies.flatMap { currency in [currency.iconURL] + currency.networks.map(\.iconURL) }
        XCTAssertEqual(
            icons.map { $0?.absoluteString },
            [
                "usdt", "trx", "ltc", "ltc", "btc", "btc", "eth", "eth",
            ].map { "https://127.0.0.1/icons/\($0).png" }
        )
        XCTAssertEqual(icons.map { $0?.baseURL }, Array(repeating: nil, count: 8), "absolute, as before")
    }

    func testTheClientsDecoderResolvesIconsWhileDecoding() throws {
        let (client, _) = try makeClient(baseURL: URL(string: "http://127.0.0.1:8080/v1"))
        let body =
            #"[{"currency": "usdt", "icon": "/icons/usdt.png", "networks": [{"network": "trx", "icon": "x/trx.png"}]}]"#

        let settings = try client.api.decoder.decode(OneXGatePaymentSettings.self, from: Data(body.utf8))

        XCTAssertEqual(settings.currencies.first?.iconURL, URL(string: "http://127.0.0.1:8080/icons/usdt.png"))
        XCTAssertEqual(
            settings.currencies.first?.networks.first?.iconURL, URL(string: "http://127.0.0.1:8080/x/trx.png"))
        let outside = try JSONCoding.makeDecoder().decode(OneXGatePaymentSettings.self, from: Data(body.utf8))
        XCTAssertEqual(outside.currencies.first?.iconURL, URL(string: "https://api.1xgate.com/icons/usdt.png"))
    }
}
