import CryptoPayCore
import Foundation
import TestKit
import UseGateway
import XCTest

final class AssetsAndStatusTests: XCTestCase {
    func testDocumentedCodesRoundTrip() {
        let expected: [(String, Asset)] = [
            ("BTC", .btc), ("ETH", .eth), ("LTC", .ltc), ("TRX", .trx), ("USDT_TRC20", .usdtTron),
            ("USD", .usd), ("EUR", .eur), ("RUB", .rub), ("UAH", .uah), ("KZT", .kzt), ("AZN", .azn), ("TRY", .try),
        ]
        for (code, asset) in expected {
            XCTAssertEqual(UseGatewayAssetMapping.asset(code: code), asset, code)
            XCTAssertEqual(UseGatewayAssetMapping.code(for: asset), code, code)
        }
    }

    func testUndocumentedCodesStayOpen() {
        XCTAssertEqual(UseGatewayCryptocurrency(rawValue: "USDT_BEP20"), .unknown("USDT_BEP20"))
        XCTAssertEqual(UseGatewayAssetMapping.asset(code: "USDT_BEP20"), .usdtBSC)
        XCTAssertEqual(UseGatewayAssetMapping.asset(code: "BUSD_BEP20"), .busdBSC)
        XCTAssertEqual(UseGatewayAssetMapping.asset(code: "BNB"), .bnb)
        XCTAssertEqual(UseGatewayCurrency(rawValue: "GBP"), .unknown("GBP"))
        XCTAssertEqual(UseGatewayAssetMapping.asset(code: "GBP"), Asset(code: "GBP"))
        XCTAssertNil(UseGatewayAssetMapping.code(for: .usdtBSC))
        XCTAssertNil(UseGatewayAssetMapping.code(for: .jpy))
    }

    func testEveryDocumentedStatusMapsToOneUnifiedStatus() {
        let tables: [(any UseGatewayStatus.Type, [(String, PaymentStatus)])] = [
            (
                UseGatewayPaymentStatus.self,
                [
                    ("Opened", .pending), ("Completed", .paid), ("Expired", .expired), ("Unresolved", .needsReview),
                    ("Resolved", .resolved), ("Closed", .cancelled),
                ]
            ),
            (
                UseGatewayInvoiceStatus.self,
                [
                    ("Created", .created), ("Opened", .created), ("Viewed", .pending), ("Renewed", .pending),
                    ("Paid", .paid), ("Expired", .expired), ("Unresolved", .needsReview), ("Resolved", .resolved),
                    ("Closed", .cancelled),
                ]
            ),
            (
                UseGatewayDepositStatus.self,
                [
                    ("Created", .pending), ("Replenished", .paid), ("Unresolved", .needsReview),
                    ("Resolved", .resolved), ("Closed", .cancelled),
                ]
            ),
            (
                UseGatewayWithdrawalRequestStatus.self,
                [("Received", .pending), ("Approved", .paid), ("Declined", .failed), ("Declcined", .failed)]
            ),
        ]
        for (type, rows) in tables {
            XCTAssertEqual(type.documented.map(\.rawValue), rows.map(\.0))
            for (raw, status) in rows {
                let read = type.init(rawValue: raw)
                XCTAssertEqual(read.rawValue, raw)
                XCTAssertEqual(read.paymentStatus, status, raw)
                XCTAssertEqual(type.init(rawValue: raw.uppercased()).paymentStatus, status, raw)
            }
        }
    }

    func testParenthesisedDetailsAndUnknownStatuses() {
        XCTAssertEqual(
            UseGatewayPaymentStatus(rawValue: "Unresolved (Overpaid)"),
            UseGatewayPaymentStatus(rawValue: "Unresolved (Overpaid)", paymentStatus: .needsReview)
        )
        XCTAssertEqual(UseGatewayPaymentStatus(rawValue: "Unresolved (Overpaid)").unresolvedReason, .overpaid)
        XCTAssertEqual(
            UseGatewayPaymentStatus(rawValue: "Teleported"),
            UseGatewayPaymentStatus(rawValue: "Teleported", paymentStatus: .unknown("Teleported"))
        )
        XCTAssertEqual(
            UseGatewayDepositStatus(rawValue: "Closed (Merchant)"),
            UseGatewayDepositStatus(rawValue: "Closed (Merchant)", paymentStatus: .cancelled)
        )
        let reasons: [(String, UseGatewayUnresolvedReason?)] = [
            ("Unresolved (Underpaid)", .underpaid), ("Unresolved (OVERPAID)", .overpaid),
            ("Unresolved (Delayed)", .delayed), ("Unresolved (Multiple)", .multiple),
            ("Unresolved (Other)", .unknown("Other")), ("Unresolved", nil), ("Closed (Merchant)", nil),
        ]
        for (raw, reason) in reasons {
            XCTAssertEqual(UseGatewayTimelineEntry(status: raw).unresolvedReason, reason, raw)
        }
    }

    func testEmptyTimelineHasNoStatus() throws {
        let json = #"{"id": "d", "code": "C", "user_id": "u", "site": "s", "created_at": "2019-08-24T14:15:22Z"}"#
        let deposit = try JSONCoding.makeDecoder().decode(UseGatewayDeposit.self, from: Data(json.utf8))

        XCTAssertNil(deposit.status)
        XCTAssertNil(deposit.unresolvedReason)
        XCTAssertTrue(deposit.timeline.isEmpty)
        XCTAssertTrue(deposit.addresses.isEmpty)
        XCTAssertNil(deposit.localPrice)
    }
}
