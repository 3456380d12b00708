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
            XCTAssertEqual(UseGatewayAssets.asset(code: code), asset, code)
            XCTAssertEqual(UseGatewayAssets.code(for: asset), code, code)
        }
    }

    func testUndocumentedCodesStayOpen() {
        XCTAssertEqual(UseGatewayCryptocurrency(rawValue: "USDT_BEP20"), .unknown("USDT_BEP20"))
        XCTAssertEqual(UseGatewayAssets.asset(code: "USDT_BEP20"), .usdtBSC)
        XCTAssertEqual(UseGatewayAssets.asset(code: "BUSD_BEP20"), .busdBSC)
        XCTAssertEqual(UseGatewayAssets.asset(code: "BNB"), .bnb)
        XCTAssertEqual(UseGatewayCurrency(rawValue: "GBP"), .unknown("GBP"))
        XCTAssertEqual(UseGatewayAssets.asset(code: "GBP"), Asset(code: "GBP"))
        XCTAssertNil(UseGatewayAssets.code(for: .usdtBSC))
        XCTAssertNil(UseGatewayAssets.code(for: .jpy))
    }

    func testEveryDocumentedStatusMapsToOneUnifiedStatus() {
        let tables: [(UseGatewayStatusTable, [(String, PaymentStatus)])] = [
            (
                .payment,
                [
                    ("Opened", .pending), ("Completed", .paid), ("Expired", .expired), ("Unresolved", .needsReview),
                    ("Resolved", .resolved), ("Closed", .cancelled),
                ]
            ),
            (
                .invoice,
                [
                    ("Created", .created), ("Opened", .created), ("Viewed", .pending), ("Renewed", .pending),
                    ("Paid", .paid), ("Expired", .expired), ("Unresolved", .needsReview), ("Resolved", .resolved),
                    ("Closed", .cancelled),
                ]
            ),
            (
                .deposit,
                [
                    ("Created", .pending), ("Replenished", .paid), ("Unresolved", .needsReview),
                    ("Resolved", .resolved), ("Closed", .cancelled),
                ]
            ),
            (
                .withdrawalRequest,
                [("Received", .pending), ("Approved", .paid), ("Declined", .failed), ("Declcined", .failed)]
            ),
        ]
        for (table, rows) in tables {
            XCTAssertEqual(table.entries.count, rows.count)
            for (raw, status) in rows {
                XCTAssertEqual(table.status(for: raw), ProviderStatus(status, raw: raw), raw)
            }
        }
    }

    func testParenthesisedDetailsAndUnknownStatuses() {
        XCTAssertEqual(
            UseGatewayStatusTable.payment.status(for: "Unresolved (Overpaid)"),
            ProviderStatus(.needsReview, raw: "Unresolved (Overpaid)")
        )
        XCTAssertEqual(
            UseGatewayStatusTable.payment.status(for: "Teleported"),
            ProviderStatus(.unknown("Teleported"), raw: "Teleported")
        )
        XCTAssertEqual(
            UseGatewayStatusTable.deposit.status(for: "Closed (Merchant)"),
            ProviderStatus(.cancelled, raw: "Closed (Merchant)")
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
