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
}
