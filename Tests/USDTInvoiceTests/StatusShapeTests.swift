import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import USDTInvoice
import XCTest

/// An invoice's status decodes with its text unchanged, maps to one unified status and encodes back as sent.
final class StatusShapeTests: XCTestCase {
    func testTheInvoiceStatusKeepsItsTextAndMapsIt() throws {
        let invoice = try JSONCoding.makeDecoder().decode(
            USDTInvoiceDetails.self, from: try Fixtures.data("USDTInvoice/invoices_retrieve.json"))

        XCTAssertEqual(invoice.status.rawValue, "pending")
        XCTAssertEqual(invoice.status.paymentStatus, .pending)
        XCTAssertEqual(invoice.status, .pending)
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.makeEncoder().encode(invoice))
        XCTAssertEqual(encoded["status"]?.stringValue, "pending")
    }

    func testEveryTextRoundTripsExactlyAndOnlyTheDocumentedSpellingMaps() throws {
        let texts = ["pending", "confirmed", "expired", "cancelled", "Confirmed", "underpaid"]
        let statuses = try JSONDecoder().decode([USDTInvoiceStatus].self, from: JSONEncoder().encode(texts))

        XCTAssertEqual(statuses.map(\.rawValue), texts)
        XCTAssertEqual(
            statuses.map(\.paymentStatus),
            [.pending, .paid, .expired, .cancelled, .unknown("Confirmed"), .unknown("underpaid")])
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: JSONEncoder().encode(statuses)), texts)
        XCTAssertEqual(statuses[1].description, "paid (confirmed)")
    }
}
