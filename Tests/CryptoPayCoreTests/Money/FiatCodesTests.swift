import CryptoPayCore
import TestKit
import XCTest

final class FiatCodesTests: XCTestCase {
    func testEveryISO4217CurrencyIsFiat() {
        for code in ["CAD", "AUD", "CHF", "SEK", "XOF", "XCG", "ZWG", "SLE", "VED", "cad"] {
            XCTAssertTrue(Asset(code: code).isFiat, code)
        }
        XCTAssertEqual([Asset.cad, .aud, .chf, .gbp].map(\.code), ["CAD", "AUD", "CHF", "GBP"])
        XCTAssertTrue([Asset.cad, .aud, .chf, .gbp, .usd, .eur, .try].allSatisfy(\.isFiat))
    }

    func testCryptoTickersAreNotFiat() {
        let tickers = [
            "BTC", "ETH", "USDT", "USDC", "TRX", "BNB", "SOL", "LTC", "TON", "DOGE", "XRP", "DAI", "BUSD", "ADA",
            "DOT", "XMR", "XLM", "BCH", "ETC", "MATIC", "POL", "AVAX", "SHIB", "LINK", "XAUT", "PAXG",
        ]
        for ticker in tickers {
            XCTAssertFalse(Asset(code: ticker).isFiat, ticker)
        }
        XCTAssertFalse(Asset.usdtTron.isFiat)
        XCTAssertFalse(Asset(code: "CAD", network: .ethereum).isFiat, "a token is never fiat, whatever its code")
    }

    func testMetalsFundsUnitsOfAccountAndTestCodesAreLeftOut() {
        let excluded = [
            "XAU", "XAG", "XPT", "XPD", "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD", "XTS", "XXX",
            "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",
        ]
        for code in excluded {
            XCTAssertFalse(Asset(code: code).isFiat, code)
        }
    }

    func testTheTableHoldsOnlyThreeLetterCodes() {
        XCTAssertEqual(Asset.fiatCodes.count, 161)
        for code in Asset.fiatCodes {
            XCTAssertTrue(code.utf8.count == 3 && code.utf8.allSatisfy { (65...90).contains($0) }, code)
        }
    }
}
