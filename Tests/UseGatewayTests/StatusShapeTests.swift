import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import UseGateway
import XCTest

/// A UseGateway status decodes with its text unchanged, detail included, maps to one unified status by its
/// resource's table and encodes back as sent.
final class StatusShapeTests: XCTestCase {
    func testAPaymentsStatusIsItsLastTimelineEntry() throws {
        let payment = try JSONCoding.makeDecoder().decode(
            UseGatewayPayment.self, from: try Fixtures.data("UseGateway/payments_retrieve.json"))

        XCTAssertEqual(payment.status, .completed)
        XCTAssertEqual(payment.status?.rawValue, "Completed")
        XCTAssertEqual(payment.status?.paymentStatus, .paid)
    }

    func testTheSameWordMeansWhatItsResourceSays() throws {
        let opened = Data(#""Opened""#.utf8)
        let payment = try JSONDecoder().decode(UseGatewayPaymentStatus.self, from: opened)
        let invoice = try JSONDecoder().decode(UseGatewayInvoiceStatus.self, from: opened)

        XCTAssertEqual(payment.rawValue, "Opened")
        XCTAssertEqual(invoice.rawValue, "Opened")
        XCTAssertEqual(payment.paymentStatus, .pending)
        XCTAssertEqual(invoice.paymentStatus, .created)
    }

    func testEveryTextRoundTripsExactlyWithItsDetail() throws {
        let texts = ["Created", "Unresolved (Underpaid)", "closed", "Teleported"]
        let statuses = try JSONDecoder().decode([UseGatewayDepositStatus].self, from: JSONEncoder().encode(texts))

        XCTAssertEqual(statuses.map(\.rawValue), texts)
        XCTAssertEqual(statuses.map(\.paymentStatus), [.pending, .needsReview, .cancelled, .unknown("Teleported")])
        XCTAssertEqual(statuses.map(\.unresolvedReason), [nil, .underpaid, nil, nil])
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: JSONEncoder().encode(statuses)), texts)
    }
}
