import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class CurrencyListModelTests: XCTestCase {
    func testAnArrayOfSymbols() throws {
        let list = try assertRoundTrip(OpenPOSCurrencyList.self, "getCurrencyList.json")

        XCTAssertEqual(list.symbols, ["BTC", "ETH", "LTC"])
        XCTAssertEqual(list.assets, [.btc, .eth, .ltc])
        XCTAssertEqual(list.raw, .array([.string("BTC"), .string("ETH"), .string("LTC")]))
        XCTAssertNil(list.currencies.first?.name)
    }

    func testAnArrayOfObjectsKeepsEveryField() throws {
        let list = try assertRoundTrip(OpenPOSCurrencyList.self, "getCurrencyList_objects.json")

        XCTAssertEqual(list.symbols, ["BTC", "ETH"])
        XCTAssertEqual(list.currencies.map(\.name), ["Bitcoin", "Ethereum"])
        XCTAssertEqual(list.currencies[1].raw["min_confirmations"], .number(12))
    }

    func testOtherShapesAreKeptRawWithoutFailing() throws {
        let decoder = JSONCoding.makeDecoder()
        let object = try decoder.decode(OpenPOSCurrencyList.self, from: Data(#"{"BTC": {"name": "Bitcoin"}}"#.utf8))
        let mixed = try decoder.decode(
            OpenPOSCurrencyList.self, from: Data(#"["BTC", 7, {"symbol": "DOGE"}, {"code": "XMR"}, {"x": 1}, ""]"#.utf8)
        )

        XCTAssertTrue(object.currencies.isEmpty)
        XCTAssertEqual(object.raw["BTC"]?["name"], .string("Bitcoin"))
        XCTAssertEqual(mixed.symbols, ["BTC", "DOGE", "XMR"])
        XCTAssertThrowsError(try decoder.decode(OpenPOSCurrencyList.self, from: Data("not json".utf8)))
    }
}
