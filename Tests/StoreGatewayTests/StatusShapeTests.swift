import CryptoPayCore
import CryptoPayTesting
import Foundation
import StoreGateway
import TestKit
import XCTest

/// A Store Gateway status decodes with its code unchanged, maps to one unified status and encodes back as sent, in
/// every model that has one.
final class StatusShapeTests: XCTestCase {
    func testAPaymentsStatusKeepsItsCodeAndReadsTheAmounts() throws {
        let payments = try JSONCoding.makeDecoder().decode(
            [StoreGatewayPayment].self, from: try Fixtures.data("StoreGateway/payments_list.json"))
        let payment = try XCTUnwrap(payments.first)

        XCTAssertEqual(payment.status?.rawValue, "OPEN")
        XCTAssertEqual(payment.status?.paymentStatus, .pending)
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(payment))
        XCTAssertEqual(encoded["status"]?.stringValue, "OPEN")
    }

    func testAWithdrawalsStatusIsTheSameShape() throws {
        let withdrawal = try JSONCoding.makeDecoder().decode(
            StoreGatewayWithdrawal.self, from: try Fixtures.data("StoreGateway/withdrawals_create.json"))

        XCTAssertEqual(withdrawal.status, .complete)
        XCTAssertEqual(withdrawal.status?.rawValue, "COMPLETE")
        XCTAssertEqual(withdrawal.status?.paymentStatus, .paid)
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(withdrawal))
        XCTAssertEqual(encoded["status"]?.stringValue, "COMPLETE")
    }

    func testEveryCodeRoundTripsExactlyAndOnlyTheDocumentedSpellingMaps() throws {
        let texts = ["OPEN", "COMPLETE", "CANCEL", "CLOSING", "open", "REFUND"]
        let statuses = try JSONDecoder().decode([StoreGatewayStatus].self, from: JSONEncoder().encode(texts))

        XCTAssertEqual(statuses.map(\.rawValue), texts)
        XCTAssertEqual(
            statuses.map(\.paymentStatus),
            [.pending, .paid, .cancelled, .processing, .unknown("open"), .unknown("REFUND")])
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: JSONEncoder().encode(statuses)), texts)
    }
}
