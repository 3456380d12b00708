import CryptoPayCore
import Foundation
import OpenPOS
import TestKit
import XCTest

final class AssetTests: XCTestCase {
    func testSymbolsAreAssetsWithoutANetwork() {
        XCTAssertEqual(OpenPOSAssets.asset(code: "BTC"), .btc)
        XCTAssertEqual(OpenPOSAssets.asset(code: "eth"), .eth)
        XCTAssertEqual(OpenPOSAssets.asset(code: "EUR"), .eur)
    }

    func testCryptocurrencySymbols() {
        XCTAssertEqual(OpenPOSAssets.symbol(for: .btc), "BTC")
        XCTAssertEqual(OpenPOSAssets.symbol(for: .ltc), "LTC")
        XCTAssertEqual(OpenPOSAssets.symbol(for: Asset(code: "usdt")), "USDT")
        XCTAssertNil(OpenPOSAssets.symbol(for: .usdtTron), "the API cannot choose a network")
        XCTAssertNil(OpenPOSAssets.symbol(for: .eur), "a fiat currency is not a cryptocurrency")
        XCTAssertNil(OpenPOSAssets.symbol(for: Asset(code: "")))
        XCTAssertNil(OpenPOSAssets.symbol(for: Asset(code: "BT C")))
    }

    func testInvoiceCurrencies() {
        XCTAssertEqual(OpenPOSAssets.invoiceCode(for: .eur), "EUR")
        XCTAssertEqual(OpenPOSAssets.invoiceCode(for: Asset(code: "chf")), "CHF")
        XCTAssertNil(OpenPOSAssets.invoiceCode(for: Asset(code: "USDT", network: .tron)))
        XCTAssertNil(OpenPOSAssets.invoiceCode(for: Asset(code: "EURO")))
        XCTAssertNil(OpenPOSAssets.invoiceCode(for: Asset(code: "E1R")))
    }
}
