import CryptoPayCore
import Foundation
import OpenPOS
import TestKit
import XCTest

final class AssetTests: XCTestCase {
    func testSymbolsAreAssetsWithoutANetwork() {
        XCTAssertEqual(OpenPOSAssetMapping.asset(code: "BTC"), .btc)
        XCTAssertEqual(OpenPOSAssetMapping.asset(code: "eth"), .eth)
        XCTAssertEqual(OpenPOSAssetMapping.asset(code: "EUR"), .eur)
    }

    func testCryptocurrencySymbols() {
        XCTAssertEqual(OpenPOSAssetMapping.symbol(for: .btc), "BTC")
        XCTAssertEqual(OpenPOSAssetMapping.symbol(for: .ltc), "LTC")
        XCTAssertEqual(OpenPOSAssetMapping.symbol(for: Asset(code: "usdt")), "USDT")
        XCTAssertNil(OpenPOSAssetMapping.symbol(for: .usdtTron), "the API cannot choose a network")
        XCTAssertNil(OpenPOSAssetMapping.symbol(for: .eur), "a fiat currency is not a cryptocurrency")
        XCTAssertNil(OpenPOSAssetMapping.symbol(for: Asset(code: "")))
        XCTAssertNil(OpenPOSAssetMapping.symbol(for: Asset(code: "BT C")))
    }

    func testInvoiceCurrencies() {
        XCTAssertEqual(OpenPOSAssetMapping.invoiceCode(for: .eur), "EUR")
        XCTAssertEqual(OpenPOSAssetMapping.invoiceCode(for: Asset(code: "chf")), "CHF")
        XCTAssertNil(OpenPOSAssetMapping.invoiceCode(for: Asset(code: "USDT", network: .tron)))
        XCTAssertNil(OpenPOSAssetMapping.invoiceCode(for: Asset(code: "EURO")))
        XCTAssertNil(OpenPOSAssetMapping.invoiceCode(for: Asset(code: "E1R")))
    }
}
