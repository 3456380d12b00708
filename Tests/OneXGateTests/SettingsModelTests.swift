import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

final class SettingsModelTests: XCTestCase {
    func testSettingsDecodeEveryCurrencyAndNetwork() throws {
        let settings = try assertRoundTrip(OneXGatePaymentSettings.self, fixtureData("settings_payment.json"))

        XCTAssertEqual(settings.currencies.map(\.currency), [.usdt, .ltc, .btc, .eth])
        XCTAssertEqual(settings.currencies.map(\.name), ["Tether", "Litecoin", "Bitcoin", "Bitcoin"])
        XCTAssertEqual(settings.currencies.map(\.decimals), [6, 8, 8, 8])
        XCTAssertEqual(settings.assets, [.usdtTron, .ltc, .btc, .eth])
        let tether = settings.currencies[0]
        XCTAssertEqual(tether.icon, "/icons/usdt.png")
        XCTAssertEqual(tether.iconURL?.absoluteString, "https://api.1xgate.com/icons/usdt.png")
        XCTAssertEqual(tether.type, .crypto)
        XCTAssertEqual(tether.wallet, .object([:]))
        let tron = try XCTUnwrap(tether.networks.first)
        XCTAssertEqual(tether.networks.count, 1)
        XCTAssertEqual(tron.network, .trx)
        XCTAssertEqual(tron.name, "trc20")
        XCTAssertEqual(tron.icon, "/icons/trx.png")
        XCTAssertEqual(tron.iconURL?.absoluteString, "https://api.1xgate.com/icons/trx.png")
        XCTAssertEqual(tron.color, "ffffff")
        XCTAssertEqual(tron.minimum, 2)
        XCTAssertEqual(tron.maximum, 15000)
        XCTAssertEqual(tron.waitingTime, "5m")
        XCTAssertEqual(tron.waitingDuration, .seconds(300))
        XCTAssertEqual(settings.currencies[2].networks.first?.waitingDuration, .seconds(900))
    }

    func testEntryFindsTheCurrencyAndNetworkOfAnAsset() throws {
        let settings = try decode(OneXGatePaymentSettings.self, from: fixtureData("settings_payment.json"))

        let entry = try XCTUnwrap(settings.entry(for: .usdtTron))
        XCTAssertEqual(entry.currency.currency, .usdt)
        XCTAssertEqual(entry.network.network, .trx)
        XCTAssertEqual(settings.entry(for: .btc)?.network.name, "btc")
        XCTAssertNil(settings.entry(for: .usdtEthereum))
        XCTAssertNil(settings.entry(for: .trx))
    }

    func testWaitingTimesOutsideTheKnownFormHaveNoDuration() throws {
        let json = JSONValue.object(["network": .string("trx"), "waitingTime": .string("soon")])
        let hours = JSONValue.object(["network": .string("trx"), "waitingTime": .string("2h")])

        XCTAssertNil(try decode(OneXGateNetworkSettings.self, from: json).waitingDuration)
        XCTAssertEqual(try decode(OneXGateNetworkSettings.self, from: hours).waitingDuration, .seconds(7200))
    }
}
