import CryptoPayCore
import TestKit
import XCTest

final class PaymentStatusTests: XCTestCase {
    func testProviderStatusMapsThroughTheTableIgnoringCaseAndSpaces() {
        let table: [String: PaymentStatus] = ["Completed": .paid, "Opened": .pending]
        XCTAssertEqual(ProviderStatus(raw: "Completed", table: table), ProviderStatus(.paid, raw: "Completed"))
        XCTAssertEqual(ProviderStatus(raw: " completed ", table: table).status, .paid)
        XCTAssertEqual(ProviderStatus(raw: " completed ", table: table).raw, " completed ")
        XCTAssertEqual(ProviderStatus(raw: "Teleported", table: table).status, .unknown("Teleported"))
        XCTAssertEqual(ProviderStatus(.paid, raw: "Completed").description, "paid (Completed)")
    }

    func testFinalAndPaid() {
        let final: [PaymentStatus] = [.paid, .overpaid, .expired, .cancelled, .failed, .refunded, .resolved]
        let open: [PaymentStatus] = [.created, .pending, .processing, .partiallyPaid, .needsReview, .unknown("x")]
        XCTAssertTrue(final.allSatisfy(\.isFinal))
        XCTAssertFalse(open.contains(where: \.isFinal))
        XCTAssertEqual((final + open).filter(\.isPaid), [.paid, .overpaid])
    }
}
