import CryptoPayCore
import TestKit
import XCTest

final class PaymentStatusTests: XCTestCase {
    func testFinalAndPaid() {
        let final: [PaymentStatus] = [.paid, .overpaid, .expired, .cancelled, .failed, .refunded, .resolved]
        let open: [PaymentStatus] = [.created, .pending, .processing, .partiallyPaid, .needsReview, .unknown("x")]
        XCTAssertTrue(final.allSatisfy(\.isFinal))
        XCTAssertFalse(open.contains(where: \.isFinal))
        XCTAssertEqual((final + open).filter(\.isPaid), [.paid, .overpaid])
    }
}
