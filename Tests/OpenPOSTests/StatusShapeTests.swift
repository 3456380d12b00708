import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

/// A POS status decodes with its text unchanged, maps to one unified status and encodes back as sent.
final class StatusShapeTests: XCTestCase {
    func testATransactionStatusKeepsItsTextAndMapsIt() throws {
        let transactions = try JSONCoding.makeDecoder().decode(
            [OpenPOSTransaction].self, from: try Fixtures.data("OpenPOS/getTransactions.json"))
        let first = try XCTUnwrap(transactions.first)

        XCTAssertEqual(first.status.rawValue, "Confirmed")
        XCTAssertEqual(first.status.paymentStatus, .paid)
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(first))
        XCTAssertEqual(encoded["status"]?.stringValue, "Confirmed")
    }

    func testCheckPaymentsStatusIsItsStateWithTheConfirmationRules() throws {
        let check = try JSONCoding.makeDecoder().decode(
            OpenPOSPaymentCheck.self, from: try Fixtures.data("OpenPOS/checkPayment_confirming.json"))

        XCTAssertEqual(check.status.rawValue, check.state.rawValue)
        XCTAssertEqual(check.status.rawValue, "waiting")
        XCTAssertEqual(check.status.paymentStatus, .processing)
        XCTAssertNotEqual(check.status, .waiting)
    }

    func testEveryTextRoundTripsExactlyAndMatchesIgnoringCase() throws {
        let texts = ["waiting", "Confirmed", "underpaid", "cancelled", "refunded", "expired"]
        let statuses = try JSONDecoder().decode([OpenPOSStatus].self, from: JSONEncoder().encode(texts))

        XCTAssertEqual(statuses.map(\.rawValue), texts)
        XCTAssertEqual(
            statuses.map(\.paymentStatus),
            [.pending, .paid, .partiallyPaid, .cancelled, .refunded, .unknown("expired")])
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: JSONEncoder().encode(statuses)), texts)
    }
}
