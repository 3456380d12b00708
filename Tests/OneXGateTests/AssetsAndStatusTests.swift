import CryptoPayCore
import Foundation
import OneXGate
import TestKit
import XCTest

final class AssetsAndStatusTests: XCTestCase {
    func testDocumentedPairsMapBothWays() {
        let expected: [(OneXGateCurrency, OneXGateNetwork, Asset, Int)] = [
            (.usdt, .trx, .usdtTron, 6), (.ltc, .ltc, .ltc, 8), (.btc, .btc, .btc, 8), (.eth, .eth, .eth, 8),
        ]
        XCTAssertEqual(OneXGateAssetMapping.documented.count, expected.count)
        for (currency, network, asset, decimals) in expected {
            XCTAssertEqual(OneXGateAssetMapping.asset(currency: currency, network: network), asset)
            let code = OneXGateAssetMapping.code(for: asset)
            XCTAssertEqual(code?.currency, currency)
            XCTAssertEqual(code?.network, network)
            XCTAssertEqual(code?.decimals, decimals)
        }
    }

    func testUndocumentedPairsReadAsTheRightAssetButCannotBeSent() {
        XCTAssertEqual(OneXGateAssetMapping.asset(currency: .unknown("trx"), network: .trx), .trx)
        XCTAssertEqual(OneXGateAssetMapping.asset(currency: .usdt, network: .eth), .usdtEthereum)
        XCTAssertEqual(OneXGateAssetMapping.asset(currency: .usdt, network: .unknown("bsc")), .usdtBSC)
        XCTAssertEqual(
            OneXGateAssetMapping.asset(currency: .unknown("bnb"), network: .unknown("bnb")), Asset(code: "BNB"))
        XCTAssertEqual(OneXGateAssetMapping.asset(currency: .unknown("USDT"), network: .unknown("TRX")), .usdtTron)
        XCTAssertNil(OneXGateAssetMapping.code(for: .trx))
        XCTAssertNil(OneXGateAssetMapping.code(for: .usdtEthereum))
        XCTAssertNil(OneXGateAssetMapping.code(for: .usd))
    }

    func testNetworksMapToCoreNetworks() {
        XCTAssertEqual(OneXGateNetwork.trx.network, .tron)
        XCTAssertEqual(OneXGateNetwork.eth.network, .ethereum)
        XCTAssertEqual(OneXGateNetwork.btc.network, .bitcoin)
        XCTAssertEqual(OneXGateNetwork.ltc.network, .litecoin)
        XCTAssertEqual(OneXGateNetwork(rawValue: "ton").network, .ton)
    }

    func testEveryDocumentedStatusMapsToOneUnifiedStatus() {
        let expected: [(String, PaymentStatus)] = [
            ("created", .created), ("crated", .created), ("pending", .pending), ("success", .paid),
            ("partiallyPaid", .partiallyPaid), ("expired", .expired), ("error", .failed),
        ]
        XCTAssertEqual(OneXGateStatus.documented.map(\.rawValue), expected.map(\.0))
        for (raw, status) in expected {
            XCTAssertEqual(OneXGateStatus(rawValue: raw), OneXGateStatus(rawValue: raw, paymentStatus: status), raw)
        }
        XCTAssertEqual(OneXGateStatus(rawValue: "Success"), OneXGateStatus(rawValue: "Success", paymentStatus: .paid))
        XCTAssertEqual(
            OneXGateStatus(rawValue: "cancelled"),
            OneXGateStatus(rawValue: "cancelled", paymentStatus: .unknown("cancelled")))
    }
}
