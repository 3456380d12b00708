import CryptoPayCore
import Foundation
import TestKit
import USDTInvoice
import XCTest

final class AssetsAndStatusTests: XCTestCase {
    func testDocumentedAssetCodesMapToUSDTOnTheirNetworks() {
        XCTAssertEqual(USDTInvoiceAssetCode.documented.map(\.rawValue), ["USDT_TRC20", "USDT_ERC20", "USDT_BSC"])
        XCTAssertEqual(USDTInvoiceAssetCode.usdtTRC20.asset, Asset(code: "USDT", network: .tron))
        XCTAssertEqual(USDTInvoiceAssetCode.usdtERC20.asset, Asset(code: "USDT", network: .ethereum))
        XCTAssertEqual(USDTInvoiceAssetCode.usdtBSC.asset, Asset(code: "USDT", network: .bsc))
        for code in USDTInvoiceAssetCode.documented {
            XCTAssertEqual(USDTInvoiceAssetCode(asset: code.asset), code)
            XCTAssertEqual(USDTInvoiceAssetCode(rawValue: code.rawValue), code)
        }
    }

    func testOtherAssetsHaveNoCodeAndUnknownCodesAreKept() {
        XCTAssertNil(USDTInvoiceAssetCode(asset: .btc))
        XCTAssertNil(USDTInvoiceAssetCode(asset: .usd))
        XCTAssertNil(USDTInvoiceAssetCode(asset: Asset(code: "USDT", network: .polygon)))
        XCTAssertEqual(USDTInvoiceAssetCode(rawValue: "usdt_trc20"), .unknown("usdt_trc20"))
        XCTAssertEqual(USDTInvoiceAssetCode(rawValue: "USDC_TRC20").asset, Asset(code: "USDC", network: .tron))
        XCTAssertEqual(USDTInvoiceAssetCode(rawValue: "USDT_BEP20").asset, Asset(code: "USDT", network: .bsc))
        XCTAssertEqual(USDTInvoiceAssetCode(rawValue: "TRX").asset, Asset(code: "TRX"))
        XCTAssertEqual(USDTInvoiceAssetCode(rawValue: "USDT_POLYGON").asset, Asset(code: "USDT_POLYGON"))
    }

    func testStatusesMapToTheUnifiedLifecycle() {
        let expected: [(String, PaymentStatus)] = [
            ("pending", .pending), ("confirmed", .paid), ("expired", .expired), ("cancelled", .cancelled),
        ]
        XCTAssertEqual(USDTInvoiceStatus.documented.map(\.rawValue), expected.map(\.0))
        for (raw, status) in expected {
            XCTAssertEqual(USDTInvoiceStatus(rawValue: raw).paymentStatus, status)
            XCTAssertEqual(USDTInvoiceStatus(rawValue: raw), USDTInvoiceStatus(rawValue: raw, paymentStatus: status))
        }
        XCTAssertTrue(USDTInvoiceStatus.confirmed.paymentStatus.isFinal)
        XCTAssertFalse(USDTInvoiceStatus.pending.paymentStatus.isFinal)
    }

    func testAnyOtherStatusIsUnknownWithItsRawText() {
        let status = USDTInvoiceStatus(rawValue: "underpaid")
        XCTAssertEqual(status.rawValue, "underpaid")
        XCTAssertEqual(status.paymentStatus, .unknown("underpaid"))
        XCTAssertEqual(USDTInvoiceStatus(rawValue: "Confirmed").paymentStatus, .unknown("Confirmed"))
    }
}
