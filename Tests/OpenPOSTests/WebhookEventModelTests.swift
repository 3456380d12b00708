import CryptoPayCore
import CryptoPayTesting
import Foundation
import OpenPOS
import TestKit
import XCTest

final class WebhookEventModelTests: XCTestCase {
    func testTheDocumentsWebhookDecodesAndRoundTrips() throws {
        let event = try assertRoundTrip(OpenPOSWebhookEvent.self, "webhook_payment_confirmed.json")

        XCTAssertEqual(event.type, .paymentConfirmed)
        XCTAssertEqual(event.type.impliedStatus, .paid)
        XCTAssertEqual(event.paymentID, documentPaymentID)
        XCTAssertEqual(event.posID, "POS1")
        XCTAssertEqual(event.status, "confirmed")
        XCTAssertEqual(event.amount, try decimal("0.00701648"))
        XCTAssertEqual(event.currency, "BTC")
        XCTAssertEqual(event.timestamp, webhookTime)
    }

    func testEveryDocumentedEvent() throws {
        let expected: [(String, OpenPOSWebhookEventType, PaymentStatus)] = [
            ("webhook_payment_cancelled.json", .paymentCancelled, .cancelled),
            ("webhook_payment_underpaid.json", .paymentUnderpaid, .partiallyPaid),
            ("webhook_payment_refunded.json", .paymentRefunded, .refunded),
        ]
        for (fixture, type, status) in expected {
            let event = try assertRoundTrip(OpenPOSWebhookEvent.self, fixture)
            XCTAssertEqual(event.type, type, fixture)
            XCTAssertEqual(event.type.impliedStatus, status, fixture)
            XCTAssertEqual(event.status, type.rawValue.replacingOccurrences(of: "payment.", with: ""), fixture)
        }
    }

    func testAnUndocumentedEventIsKept() throws {
        let event = try JSONCoding.makeDecoder().decode(
            OpenPOSWebhookEvent.self, from: Data(#"{"event": "payment.teleported", "payment_id": "p"}"#.utf8))

        XCTAssertEqual(event.type, .unknown("payment.teleported"))
        XCTAssertNil(event.type.impliedStatus)
        XCTAssertNil(event.amount)
    }

    func testAWebhookWithoutAPaymentIDDoesNotDecode() {
        XCTAssertThrowsError(
            try JSONCoding.makeDecoder().decode(
                OpenPOSWebhookEvent.self, from: Data(#"{"event": "payment.confirmed"}"#.utf8)))
    }
}
