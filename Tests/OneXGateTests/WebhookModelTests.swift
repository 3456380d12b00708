import CryptoPayCore
import CryptoPayTesting
import Foundation
import TestKit
import XCTest

@testable import OneXGate

final class WebhookModelTests: XCTestCase {
    func testTheDocumentedNotificationDecodesAndRoundTrips() throws {
        let notification = try assertRoundTrip(
            OneXGateWebhookNotification.self,
            Fixtures.json("OneXGate/webhook_payment.json")
        )

        XCTAssertEqual(notification.paymentID, "63decf79eec0e4414cc6823b")
        XCTAssertEqual(notification.type, .payment)
        XCTAssertEqual(notification.status, .init(rawValue: "success", paymentStatus: .paid))
        XCTAssertEqual(notification.modifiedAt, try date("2023-02-04T22:00:49.599Z"))
        XCTAssertEqual(notification.amount, try decimal("2.3"))
        XCTAssertEqual(notification.amountPaid, try decimal("2.3"))
        XCTAssertEqual(notification.currency, .usdt)
        XCTAssertEqual(notification.network, .trx)
    }
}
