import CryptoPayCore
import CryptoPayTesting
import Foundation
import OneXGate
import TestKit
import XCTest

/// A payment's status decodes with its text unchanged, maps to one unified status and encodes back as sent.
final class StatusShapeTests: XCTestCase {
    /// 1xGate's `{"data": …}` around a payment.
    private struct Envelope: Decodable {
        let data: OneXGatePayment
    }

    func testThePaymentStatusKeepsItsTextAndMapsIt() throws {
        let payment = try JSONCoding.makeDecoder().decode(
            Envelope.self, from: try Fixtures.data("OneXGate/payments_retrieve_partially_paid.json")
        ).data

        XCTAssertEqual(payment.status.rawValue, "partiallyPaid")
        XCTAssertEqual(payment.status.paymentStatus, .partiallyPaid)
        XCTAssertEqual(payment.status, .partiallyPaid)
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(payment))
        XCTAssertEqual(encoded["status"]?.stringValue, "partiallyPaid")
    }

    func testEveryTextRoundTripsExactlyAndMatchesIgnoringCase() throws {
        let texts = ["crated", "success", "SUCCESS", " error ", "refunded"]
        let statuses = try JSONDecoder().decode([OneXGateStatus].self, from: JSONEncoder().encode(texts))

        XCTAssertEqual(statuses.map(\.rawValue), texts)
        XCTAssertEqual(statuses.map(\.paymentStatus), [.created, .paid, .paid, .failed, .unknown("refunded")])
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: JSONEncoder().encode(statuses)), texts)
    }
}
